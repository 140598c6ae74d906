using Microsoft.DurableTask.Client;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;

namespace Swarm.Application.Schedules;

/// <summary>
/// The other half of self-healing: an agent that went unhealthy (several failed steps in a row, so the dispatch board
/// stopped offering it work) gets work again once <c>selfHealing:unhealthyProbationSeconds</c> have passed since its
/// last step, whatever broke it (a provider outage, a bad deployment) having had time to pass. If it fails again it goes
/// straight back on probation.
/// </summary>
public static class AgentProbation
{
    /// <summary>Reinstates every unhealthy agent on <paramref name="board"/> whose probation is over; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> ReinstateDueAsync(
        DispatcherClient dispatcher, DispatchBoard board, TimeSpan probation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(board);
        var reinstated = new List<string>();
        foreach (var agent in board.Agents.Values.Where(a => a.IsUnhealthy && (a.Work.LastActiveAt is not { } last || now - last >= probation)))
        {
            await dispatcher.ReinstateAsync(agent.Id, cancellationToken);
            reinstated.Add(agent.Id);
        }

        return reinstated;
    }
}
