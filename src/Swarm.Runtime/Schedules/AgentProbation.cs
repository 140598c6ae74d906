using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
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
    /// <summary>Reinstates every unhealthy agent whose probation is over; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> ReinstateDueAsync(DurableTaskClient durable, TimeSpan probation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var roster = await durable.Entities.GetEntityAsync<AgentRoster>(AgentRosterEntity.Id, includeState: true, cancellationToken);
        var reinstated = new List<string>();
        foreach (var agentId in roster?.State?.Members ?? [])
        {
            var ledger = (await durable.Entities.GetEntityAsync<AgentLedger>(AgentEntity.IdFor(agentId), includeState: true, cancellationToken))?.State;
            if (ledger is { IsUnhealthy: true } && (ledger.LastActiveAt is not { } last || now - last >= probation))
            {
                await durable.Entities.SignalEntityAsync(AgentEntity.IdFor(agentId), nameof(AgentEntity.Reinstate), cancellation: cancellationToken);
                reinstated.Add(agentId);
            }
        }

        return reinstated;
    }
}
