using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Agents as code outside the workflows uses them: their ledgers, and the workflows that provision,
/// retire and scale them. Entity operation and orchestration names stay here, beside the workflows.
/// </summary>
public sealed class AgentClient(DurableTaskClient durable)
{
    /// <summary>An agent's ledger and when it last changed, or null if it was never provisioned.</summary>
    public async Task<StoredLedger?> GetAsync(string agentId, CancellationToken cancellationToken) =>
        await durable.Entities.GetEntityAsync<AgentLedger>(AgentEntity.IdFor(agentId), includeState: true, cancellationToken) is { State: { } ledger } entity
            ? new StoredLedger(ledger, entity.LastModifiedTime)
            : null;

    /// <summary>Starts <see cref="ProvisionAgentOrchestrator"/> under <paramref name="instanceId"/>.</summary>
    public Task ProvisionAsync(AgentProvisioning provisioning, string instanceId, CancellationToken cancellationToken) =>
        durable.ScheduleNewOrchestrationInstanceAsync(nameof(ProvisionAgentOrchestrator), provisioning, new StartOrchestrationOptions(instanceId), cancellationToken);

    /// <summary>Starts <see cref="ProvisionAgentOrchestrator"/> under a fixed instance id, unless another caller already did.</summary>
    public Task ProvisionOnceAsync(AgentProvisioning provisioning, string instanceId, CancellationToken cancellationToken) =>
        DurableStarts.StartOnceAsync(durable, nameof(ProvisionAgentOrchestrator), provisioning, instanceId, cancellationToken);

    /// <summary>Starts <see cref="RetireAgentOrchestrator"/> for the agent under <paramref name="instanceId"/>.</summary>
    public Task RetireAsync(AgentRetirement retirement, string instanceId, CancellationToken cancellationToken) =>
        durable.ScheduleNewOrchestrationInstanceAsync(nameof(RetireAgentOrchestrator), retirement, new StartOrchestrationOptions(instanceId), cancellationToken);

    /// <summary>Starts <see cref="ScalePoolOrchestrator"/> under <paramref name="instanceId"/>.</summary>
    public Task ScaleAsync(PoolScaling scaling, string instanceId, CancellationToken cancellationToken) =>
        durable.ScheduleNewOrchestrationInstanceAsync(nameof(ScalePoolOrchestrator), scaling, new StartOrchestrationOptions(instanceId), cancellationToken);

    /// <summary>Starts <see cref="AgentSlotReleaseOrchestrator"/> for a stopped task, once however many callers ask.</summary>
    public Task ReleaseSeatsOnceAsync(AgentSlotRelease release, CancellationToken cancellationToken) =>
        DurableStarts.StartOnceAsync(durable, nameof(AgentSlotReleaseOrchestrator), release, "release-" + release.TaskId, cancellationToken);
}

/// <summary>An agent's ledger as stored, with when its entity last changed.</summary>
public sealed record StoredLedger(AgentLedger Ledger, DateTimeOffset LastModified);
