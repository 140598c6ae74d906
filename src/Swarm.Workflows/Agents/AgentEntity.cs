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

    /// <summary>
    /// Creates the agent from its profile, or brings an existing agent's profile up to date (its tasks and statistics
    /// stay). Repeating it is harmless. A lower concurrency limit applies to new claims; held slots run to completion.
    /// Callers join the roster first (<see cref="ProvisionAgentOrchestrator"/>), which is what keeps ids unique.
    /// </summary>
    public AgentLedger Provision(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // A retired agent provisioned again starts over: it is a new agent that happens to reuse the id.
        State = State is null || State.Lifecycle == AgentLifecycle.Retired ? new AgentLedger { Profile = profile } : State with { Profile = profile };
        return State;
    }

    /// <summary>Takes a slot for a task. An agent that was never provisioned grants nothing.</summary>
    public AgentClaimResult Claim(AgentClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (State is null)
        {
            return new AgentClaimResult(false, null);
        }

        var (next, granted) = State.Claim(claim.TaskId);
        State = next;
        return new AgentClaimResult(granted, next.Profile);
    }

    /// <summary>
    /// Frees a task's slot and records its outcome. The failure that makes the agent unhealthy also takes it off the
    /// dispatch board, so no more work is sent its way until self-healing reinstates it.
    /// </summary>
    public void Release(AgentRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (State is null)
        {
            return;
        }

        var wasUnhealthy = State.IsUnhealthy;
        State = release.Counts
            ? State.Release(release.TaskId, release.Succeeded, release.LatencyMs, release.Usage, release.At)
            : State.Free(release.TaskId);
        if (State.IsUnhealthy && !wasUnhealthy)
        {
            Context.SignalEntity(Distribution.DispatcherEntity.Id, nameof(Distribution.DispatcherEntity.Suspend), State.Profile.Id);
        }
    }

    /// <summary>Ends an unhealthy agent's probation: clears its failure streak and puts it back on the dispatch board.</summary>
    public AgentLedger? Reinstate()
    {
        if (State is not { IsUnhealthy: true })
        {
            return State;
        }

        State = State.Reinstate();
        Context.SignalEntity(Distribution.DispatcherEntity.Id, nameof(Distribution.DispatcherEntity.Register), new Distribution.AgentRegistration(State.Profile, true));
        return State;
    }

    /// <summary>Stops the agent taking new tasks; returns the ledger (null if the agent was never provisioned).</summary>
    public AgentLedger? Drain() => State = State?.Drain();

    /// <summary>Retires a draining agent that holds no task; false while it still holds some (or was never provisioned).</summary>
    public bool Retire()
    {
        if (State is null)
        {
            return false;
        }

        var (next, retired) = State.Retire();
        State = next;
        return retired;
    }

    /// <summary>The agent's ledger, or null if it was never provisioned.</summary>
    public AgentLedger? Get() => State;

    /// <summary>A new entity has no ledger until it is provisioned.</summary>
    protected override AgentLedger? InitializeState(TaskEntityOperation entityOperation) => null;
}
