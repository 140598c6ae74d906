using Microsoft.DurableTask;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Gives back the seats of a task that can no longer do it itself (it was canceled or ended by self-healing): each
/// seat it held on the dispatch board, and its place in line, including a seat granted while it was being stopped.
/// A task ended by self-healing counts as a failure of the agents that held it. Run as an orchestration so that the
/// release is durable and deduplicated by its instance id across instances of the swarm. With several dispatch shards a
/// seat goes back to the shard that granted it, and a waiting request leaves every shard's line.
/// </summary>
public sealed class AgentSlotReleaseOrchestrator : TaskOrchestrator<AgentSlotRelease, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, AgentSlotRelease input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var seat in input.Seats)
        {
            var outcome = input.AgentsFailed ? WorkOutcome.Failure(context.CurrentUtcDateTime) : null;
            await context.Entities.SignalEntityAsync(DispatchShards.IdOf(seat.Shard), nameof(DispatcherEntity.Release), new SeatRelease(seat.AgentId, seat.Holder, [], outcome));
        }

        foreach (var seatKey in input.Waiting)
        {
            foreach (var shard in DispatchShards.Of(input.DispatchShards).All)
            {
                var granted = await context.Entities.CallEntityAsync<SeatDecision?>(shard, nameof(DispatcherEntity.Leave), new SeatKey(input.TaskId, seatKey));
                if (granted is { AgentId: { } agentId })
                {
                    // Granted just before the task was stopped: freed, judging no one.
                    await context.Entities.SignalEntityAsync(shard, nameof(DispatcherEntity.Release), new SeatRelease(agentId, SeatRequest.HolderOf(input.TaskId, seatKey), []));
                }
            }
        }

        return true;
    }
}
