using Microsoft.DurableTask.Client;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Tasks;

namespace Swarm.Application.Tasks;

/// <summary>
/// Ends a running task from outside (a person cancels it, self-healing reaps it) without leaking what it held: the task
/// is terminated with the reason, which it shows as its error, then its seats and places in line on the dispatch board
/// are given back by an <see cref="AgentSlotReleaseOrchestrator"/>.
/// </summary>
public static class TaskStopper
{
    /// <param name="dispatchShards">The dispatch board's shards (<c>dispatch:shards</c>): a waiting step may stand in each one's line.</param>
    /// <param name="agentsFailed">True when the agents are to blame (a stalled call), so the board counts a failure for each.</param>
    public static async Task StopAsync(DurableTaskClient durable, OrchestrationMetadata task, string reason, bool agentsFailed, int dispatchShards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(task);
        var progress = task.ReadCustomStatusAs<TaskProgress>();

        // Ended first, released second: a release sent while the task still ran could reach the board before the task's own
        // seat request did, and the seat it then got would be held for good. If this dies in between, self-healing's seat
        // sweep frees the seats.
        await durable.TerminateInstanceAsync(task.InstanceId, new TerminateInstanceOptions { Output = reason, Recursive = true }, cancellationToken);
        if (progress is { Seats.Count: > 0 } or { Waiting.Count: > 0 })
        {
            await new AgentClient(durable).ReleaseSeatsOnceAsync(new AgentSlotRelease(task.InstanceId, progress.Seats, progress.Waiting, agentsFailed, dispatchShards), cancellationToken);
        }
    }
}
