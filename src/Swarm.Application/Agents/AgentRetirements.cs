using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Application.Agents;

/// <summary>
/// The retirement a person asks for with <c>DELETE /api/v1/agents/{id}</c>: one <see cref="RetireAgentOrchestrator"/> per
/// agent, under a fixed instance id. Its first steps (off the board, then draining) run a moment after the request is
/// answered, so until the agent's ledger says draining, the instance is what shows that it is leaving. The instance id
/// names the agent's <see cref="AgentLedger.Generation"/>: the agent shows retired and leaves the roster a few steps
/// before its retirement ends, so an agent created again under the id at once must not find that retirement and take
/// it for its own (its own retirement would never start, and the agent would stay active however often it was asked).
/// </summary>
public static class AgentRetirements
{
    /// <summary>The retirement's instance id; the first generation keeps the id retirements had before generations.</summary>
    public static string InstanceIdFor(AgentLedger ledger) =>
        ledger.Generation == 0 ? "retire-agent-" + ledger.Profile.Id : $"retire-agent-{ledger.Profile.Id}:{ledger.Generation}";

    /// <summary>Whether a retirement of this agent (its generation) has been scheduled and has not finished yet.</summary>
    public static async Task<bool> IsUnderwayAsync(DurableTaskClient durable, AgentLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(ledger);
        return await durable.GetInstanceAsync(InstanceIdFor(ledger), cancellationToken) is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending };
    }

    /// <summary>Schedules the agent's retirement unless one is under way (asking again finishes one that stopped half-way).</summary>
    /// <param name="notify">Whether the channel is on, so the operators hear of the retirement when it is done.</param>
    /// <param name="dispatchShards">The dispatch board's shards (<c>dispatch:shards</c>), so the agent is withdrawn from its own.</param>
    public static async Task StartAsync(DurableTaskClient durable, AgentLedger ledger, bool notify, int dispatchShards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(ledger);
        if (!await IsUnderwayAsync(durable, ledger, cancellationToken))
        {
            await new AgentClient(durable).RetireAsync(new AgentRetirement(ledger.Profile.Id, notify, dispatchShards), InstanceIdFor(ledger), CancellationToken.None);
        }
    }
}
