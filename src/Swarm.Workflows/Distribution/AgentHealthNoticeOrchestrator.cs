using Microsoft.DurableTask;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Distribution;

/// <summary>
/// Sends the operators the dispatch board's word that an agent went unhealthy: the board is an entity, which does no
/// I/O, so it starts this (only for a release whose task had the channel on) instead of making the step wait for it.
/// </summary>
public sealed class AgentHealthNoticeOrchestrator : TaskOrchestrator<RealtimeDelivery, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, RealtimeDelivery input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await RealtimeNotices.SendAsync(context, input);
        return true;
    }
}
