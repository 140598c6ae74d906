using Microsoft.DurableTask;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Frees an agent slot on behalf of a task that can no longer do it itself (it was terminated). Run as an
/// orchestration so that the release is durable and deduplicated by its instance id across instances of the swarm.
/// </summary>
public sealed class AgentSlotReleaseOrchestrator : TaskOrchestrator<AgentSlotRelease, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, AgentSlotRelease input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await context.Entities.SignalEntityAsync(AgentEntity.IdFor(input.AgentId), nameof(AgentEntity.Release), new AgentRelease(input.TaskId, false, 0));
        return true;
    }
}
