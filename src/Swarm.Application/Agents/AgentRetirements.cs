using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Workflows.Agents;

namespace Swarm.Application.Agents;

/// <summary>
/// The retirement a person asks for with <c>DELETE /api/v1/agents/{id}</c>: one <see cref="RetireAgentOrchestrator"/> per
/// agent, under a fixed instance id. Its first steps (off the board, then draining) run a moment after the request is
/// answered, so until the agent's ledger says draining, the instance is what shows that it is leaving.
/// </summary>
public static class AgentRetirements
{
    public static string InstanceIdFor(string agentId) => "retire-agent-" + agentId;

    /// <summary>Whether a retirement of the agent has been scheduled and has not finished yet.</summary>
    public static async Task<bool> IsUnderwayAsync(DurableTaskClient durable, string agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        return await durable.GetInstanceAsync(InstanceIdFor(agentId), cancellationToken) is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending };
    }

    /// <summary>Schedules the agent's retirement unless one is under way (asking again finishes one that stopped half-way).</summary>
    /// <param name="notify">Whether the channel is on, so the operators hear of the retirement when it is done.</param>
    /// <param name="dispatchShards">The dispatch board's shards (<c>dispatch:shards</c>), so the agent is withdrawn from its own.</param>
    public static async Task StartAsync(DurableTaskClient durable, string agentId, bool notify, int dispatchShards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!await IsUnderwayAsync(durable, agentId, cancellationToken))
        {
            await new AgentClient(durable).RetireAsync(new AgentRetirement(agentId, notify, dispatchShards), InstanceIdFor(agentId), CancellationToken.None);
        }
    }
}
