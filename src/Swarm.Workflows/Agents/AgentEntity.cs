using Microsoft.DurableTask.Entities;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>
/// One agent as a durable entity. Its operations run one at a time, which is what keeps
/// <see cref="AgentProfile.MaxConcurrency"/> true however many orchestrations claim the agent at once.
/// The state is an <see cref="AgentLedger"/>; the rules live there, this class only stores it.
/// </summary>
public sealed class AgentEntity : TaskEntity<AgentLedger?>
{
    /// <summary>The entity name. The runtime lowercases entity names, so it is written lowercase here.</summary>
    public const string EntityName = "agent";

    public static EntityInstanceId IdFor(string agentId) => new(EntityName, agentId);

    /// <summary>Takes a slot for a task, provisioning the agent from the claim's profile on first use.</summary>
    public bool Claim(AgentClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var ledger = State ?? new AgentLedger { Profile = claim.Profile };
        var (next, granted) = ledger.Claim(claim.TaskId);
        State = next;
        return granted;
    }

    /// <summary>Frees a task's slot and records its outcome.</summary>
    public void Release(AgentRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        State = State?.Release(release.TaskId, release.Succeeded, release.LatencyMs);
    }

    /// <summary>The agent's ledger, or null if it was never provisioned.</summary>
    public AgentLedger? Get() => State;

    /// <summary>A new entity has no ledger until its first claim provisions it.</summary>
    protected override AgentLedger? InitializeState(TaskEntityOperation entityOperation) => null;
}
