using Microsoft.DurableTask;
using Swarm.Domain.Distribution;

namespace Swarm.Workflows.Distribution;

/// <summary>
/// Tells the retirements of an agent that it gave back its last seat and left the dispatch board, as an event carrying the
/// agent's record (entities cannot raise events on orchestrations themselves). Retirement waits for it instead of polling.
/// </summary>
public sealed class AgentLeftNoticeOrchestrator : TaskOrchestrator<AgentDeparture, bool>
{
    /// <summary>The event a retirement waits for.</summary>
    public static string EventName(string agentId) => "left:" + agentId;

    public override Task<bool> RunAsync(TaskOrchestrationContext context, AgentDeparture input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var watcher in input.Watchers)
        {
            context.SendEvent(watcher, EventName(input.AgentId), input.Work);
        }

        return Task.FromResult(true);
    }
}
