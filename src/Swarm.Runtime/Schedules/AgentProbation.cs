using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Runtime.Schedules;

/// <summary>
/// The other half of self-healing: an agent that went unhealthy (several failed steps in a row, so it was taken off
/// the dispatch board) gets work again once <c>selfHealing:unhealthyProbationSeconds</c> have passed since its last
/// step, whatever broke it (a provider outage, a bad deployment) having had time to pass. If it fails again it goes
/// straight back on probation.
/// </summary>
public static class AgentProbation
{
    /// <summary>Reinstates every unhealthy agent among <paramref name="agents"/> whose probation is over; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> ReinstateDueAsync(
        DurableTaskClient durable, IReadOnlyList<AgentLedger> agents, TimeSpan probation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(agents);
        var reinstated = new List<string>();
        foreach (var ledger in agents.Where(l => l.IsUnhealthy && (l.LastActiveAt is not { } last || now - last >= probation)))
        {
            await durable.Entities.SignalEntityAsync(AgentEntity.IdFor(ledger.Profile.Id), nameof(AgentEntity.Reinstate), cancellation: cancellationToken);
            reinstated.Add(ledger.Profile.Id);
        }

        return reinstated;
    }
}
