using Microsoft.DurableTask.Client;
using Swarm.Domain.Distribution;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Distribution;

namespace Swarm.Application.Schedules;

/// <summary>
/// Part of self-healing: frees what tasks that are no longer running still hold. A seat on the dispatch board (the one
/// owner of seats) or a place in its line belongs to a task; if that task has finished or was ended (a crash between
/// ending a task and releasing its seats), nothing else would ever give it back, and a full agent or a retirement
/// could wait on it forever. A task sends its release as it ends, so the board can still show the seat of a task that
/// has just ended: a seat is freed only once its task ended a grace ago (or is gone from the runtime), or the sweep's
/// release, which judges nothing, could arrive first and the task's own, with the step's outcome, would find no holder
/// and go uncounted. A place in line carries no outcome and is left at once.
/// </summary>
public static class SeatSweep
{
    /// <summary>
    /// Releases every seat whose task ended at least <paramref name="grace"/> before <paramref name="now"/>, and every
    /// place whose task is not running, on the shard that has it; returns how many it freed.
    /// </summary>
    /// <param name="shardBoards">Each dispatch shard's board, shard 0 first, as read for this pass (<see cref="DispatcherClient.GetShardBoardsAsync"/>).</param>
    public static async Task<int> FreeOrphansAsync(DurableTaskClient durable, DispatcherClient dispatcher, IReadOnlyList<DispatchBoard> shardBoards, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(shardBoards);
        var states = new Dictionary<string, TaskState>(StringComparer.Ordinal);
        async Task<TaskState> StateAsync(string holder)
        {
            var taskId = holder.Split('/')[0];
            if (!states.TryGetValue(taskId, out var state))
            {
                // Only task ids are judged; anything else on the board is left alone.
                state = !TaskId.IsWellFormed(taskId) ? TaskState.Running : await durable.GetInstanceAsync(taskId, cancellationToken) switch
                {
                    null => TaskState.EndedLongAgo,
                    { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended } => TaskState.Running,
                    var ended when now - ended.LastUpdatedAt < grace => TaskState.JustEnded,
                    _ => TaskState.EndedLongAgo,
                };
                states[taskId] = state;
            }

            return state;
        }

        var freed = 0;
        for (var shard = 0; shard < shardBoards.Count; shard++)
        {
            var board = shardBoards[shard];
            foreach (var agent in board.Agents.Values)
            {
                foreach (var holder in agent.Holders)
                {
                    if (await StateAsync(holder) == TaskState.EndedLongAgo)
                    {
                        await dispatcher.ReleaseAsync(new SeatRelease(agent.Id, holder, []), cancellationToken, shard);
                        freed++;
                    }
                }
            }

            foreach (var waiting in board.Waiting)
            {
                if (await StateAsync(waiting.Holder) != TaskState.Running)
                {
                    await dispatcher.LeaveAsync(waiting.TaskId, waiting.SeatKey, cancellationToken, shard);
                    freed++;
                }
            }
        }

        return freed;
    }

    /// <summary>What the runtime says of the task a seat or place belongs to.</summary>
    enum TaskState
    {
        Running,

        /// <summary>Ended within the grace: its own release may be on its way.</summary>
        JustEnded,

        /// <summary>Ended before the grace, or gone from the runtime (purged, or lost with the storage): nothing else will free it.</summary>
        EndedLongAgo,
    }
}
