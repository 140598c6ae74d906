using Microsoft.DurableTask;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Gives back the seats of a task that can no longer do it itself (it was canceled or ended by self-healing): each
/// agent's slot, each dispatcher seat, and its place in line, including a seat granted while it was being stopped.
/// Run as an orchestration so that the release is durable and deduplicated by its instance id across instances of
/// the swarm.
/// </summary>
public sealed class AgentSlotReleaseOrchestrator : TaskOrchestrator<AgentSlotRelease, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, AgentSlotRelease input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var seat in input.Seats)
        {
            await context.Entities.SignalEntityAsync(AgentEntity.IdFor(seat.AgentId), nameof(AgentEntity.Release), new AgentRelease(seat.Holder, false, 0, At: context.CurrentUtcDateTime, Counts: input.AgentsFailed));
            await context.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Release), new SeatRelease(seat.AgentId, seat.Holder, input.AgentsFailed ? false : null, []));
        }

        foreach (var seatKey in input.Waiting)
        {
            var granted = await context.Entities.CallEntityAsync<SeatDecision?>(DispatcherEntity.Id, nameof(DispatcherEntity.Leave), new SeatKey(input.TaskId, seatKey));
            if (granted is { AgentId: { } agentId })
            {
                // Granted, and perhaps claimed on the agent, just before the task was stopped: free both, judging no one.
                var holder = SeatRequest.HolderOf(input.TaskId, seatKey);
                await context.Entities.SignalEntityAsync(DispatcherEntity.Id, nameof(DispatcherEntity.Release), new SeatRelease(agentId, holder, null, []));
                await context.Entities.SignalEntityAsync(AgentEntity.IdFor(agentId), nameof(AgentEntity.Release), new AgentRelease(holder, false, 0, Counts: false));
            }
        }

        return true;
    }
}
