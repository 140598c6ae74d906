using Microsoft.DurableTask.Entities;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Workflows.Agents;

/// <summary>
/// One agent as a durable entity: its profile and lifecycle (an <see cref="AgentLedger"/>). Its seats, health and
/// statistics are the dispatch board's (<see cref="Distribution.DispatcherEntity"/>), which hands the statistics over
/// when the agent retires. The rules live in the ledger; this class only stores it.
/// </summary>
public sealed class AgentEntity : TaskEntity<AgentLedger?>
{
    /// <summary>The entity name. The runtime lowercases entity names, so it is written lowercase here.</summary>
    public const string EntityName = "agent";

    public static EntityInstanceId IdFor(string agentId) => new(EntityName, agentId);

    /// <summary>
    /// Creates the agent from its profile, or brings an existing agent's profile up to date. Repeating it is harmless.
    /// Callers join the roster first (<see cref="ProvisionAgentOrchestrator"/>), which is what keeps ids unique.
    /// </summary>
    public AgentLedger Provision(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // A retired agent provisioned again starts over: it is a new agent that happens to reuse the id, one generation on.
        State = State is null ? new AgentLedger { Profile = profile }
            : State.Lifecycle == AgentLifecycle.Retired ? new AgentLedger { Profile = profile, Generation = State.Generation + 1 }
            : State with { Profile = profile };
        return State;
    }

    /// <summary>Marks the agent draining; returns the ledger (null if the agent was never provisioned).</summary>
    public AgentLedger? Drain() => State = State?.Drain();

    /// <summary>Retires a draining agent that has left the dispatch board, keeping the record the board handed over; false for an agent that is not draining.</summary>
    public bool Retire(AgentWork? finalWork)
    {
        if (State is null)
        {
            return false;
        }

        var (next, retired) = State.Retire(finalWork);
        State = next;
        return retired;
    }

    /// <summary>The agent's ledger, or null if it was never provisioned.</summary>
    public AgentLedger? Get() => State;

    /// <summary>A new entity has no ledger until it is provisioned.</summary>
    protected override AgentLedger? InitializeState(TaskEntityOperation entityOperation) => null;
}
