using Swarm.Domain.Distribution;

namespace Swarm.Domain.Agents;

/// <summary>
/// An agent's own record: its profile and where it is in its life. What it is doing and has done belongs to the
/// dispatch board (<see cref="BoardAgent"/>), which hands its <see cref="AgentWork"/> over here when the agent retires.
/// Immutable; every change returns a new ledger, so the entity that stores it stays a thin shell.
/// </summary>
public sealed record AgentLedger
{
    /// <summary>Schema version of the stored record, for forward-compatible reads. 2: seats and statistics moved to the dispatch board.</summary>
    public int Version { get; init; } = 2;

    public required AgentProfile Profile { get; init; }

    public AgentLifecycle Lifecycle { get; init; } = AgentLifecycle.Active;

    /// <summary>
    /// Which agent of this id it is: 0 for the first, one more each time a retired agent's id is provisioned again.
    /// A retirement belongs to one generation (its instance id names it), so a retirement of the previous agent that is
    /// still finishing its last steps is not taken for one of this agent. Ledgers stored before it read as 0.
    /// </summary>
    public int Generation { get; init; }

    /// <summary>The agent's record as the board handed it over when the agent left it; null while it is on the board.</summary>
    public AgentWork? FinalWork { get; init; }

    /// <summary>Stops taking new tasks. Draining a retired agent changes nothing.</summary>
    public AgentLedger Drain() => Lifecycle == AgentLifecycle.Active ? this with { Lifecycle = AgentLifecycle.Draining } : this;

    /// <summary>
    /// Retires a draining agent that has left the dispatch board, keeping the record the board handed over; true when
    /// the agent is (now) retired. An active agent is not retired: it must drain first.
    /// </summary>
    public (AgentLedger Ledger, bool Retired) Retire(AgentWork? finalWork)
    {
        return Lifecycle switch
        {
            AgentLifecycle.Retired => (this, true),
            AgentLifecycle.Draining => (this with { Lifecycle = AgentLifecycle.Retired, FinalWork = finalWork ?? FinalWork }, true),
            _ => (this, false),
        };
    }
}
