using Microsoft.DurableTask.Client;
using Swarm.Domain.Distribution;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Distribution;

namespace Swarm.Application.Schedules;

/// <summary>
/// Part of self-healing: frees what tasks that are no longer running still hold. A seat on the dispatch board (the one
/// owner of seats) or a place in its line belongs to a task; if that task has finished or was ended (a crash between
/// ending a task and releasing its seats), nothing else would ever give it back, and a full agent or a retirement
/// could wait on it forever.
/// </summary>
public static class SeatSweep
{
    /// <summary>Releases every seat and place whose task is not running, on the shard that has it; returns how many it freed.</summary>
    /// <param name="shardBoards">Each dispatch shard's board, shard 0 first, as read for this pass (<see cref="DispatcherClient.GetShardBoardsAsync"/>).</param>
    public static async Task<int> FreeOrphansAsync(DurableTaskClient durable, DispatcherClient dispatcher, IReadOnlyList<DispatchBoard> shardBoards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(shardBoards);
        var alive = new Dictionary<string, bool>(StringComparer.Ordinal);
        async Task<bool> RunningAsync(string holder)
        {
            var taskId = holder.Split('/')[0];
            if (!alive.TryGetValue(taskId, out var running))
            {
                // Only task ids are judged; anything else on the board is left alone.
                running = !TaskId.IsWellFormed(taskId)
                    || await durable.GetInstanceAsync(taskId, cancellationToken) is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended };
                alive[taskId] = running;
            }

            return running;
        }

        var freed = 0;
        for (var shard = 0; shard < shardBoards.Count; shard++)
        {
            var board = shardBoards[shard];
            foreach (var agent in board.Agents.Values)
            {
                foreach (var holder in agent.Holders)
                {
                    if (!await RunningAsync(holder))
                    {
                        await dispatcher.ReleaseAsync(new SeatRelease(agent.Id, holder, []), cancellationToken, shard);
                        freed++;
                    }
                }
            }

            foreach (var waiting in board.Waiting)
            {
                if (!await RunningAsync(waiting.Holder))
                {
                    await dispatcher.LeaveAsync(waiting.TaskId, waiting.SeatKey, cancellationToken, shard);
                    freed++;
                }
            }
        }

        return freed;
    }
}
