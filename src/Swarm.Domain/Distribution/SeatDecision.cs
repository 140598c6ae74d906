using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>The board's answer to a <see cref="SeatRequest"/>.</summary>
/// <param name="Outcome">Granted, queued, or no agent can ever take it.</param>
/// <param name="Agent">The chosen agent's profile, when granted: everything the step needs to do the work.</param>
/// <param name="Reason">Why the agent was chosen, or why none can be.</param>
/// <param name="Position">Place in the waiting line (1 = next), when queued.</param>
public sealed record SeatDecision(SeatOutcome Outcome, AgentProfile? Agent, string Reason, int Position = 0)
{
    public string? AgentId => Agent?.Id;

    public static SeatDecision Granted(AgentProfile agent, string reason) => new(SeatOutcome.Granted, agent, reason);

    public static SeatDecision Queued(int position, string reason) => new(SeatOutcome.Queued, null, reason, position);

    public static SeatDecision NoFit(string reason) => new(SeatOutcome.NoFit, null, reason);

    public static SeatDecision Busy(string reason) => new(SeatOutcome.Busy, null, reason);

    public static SeatDecision NoAgents(string reason) => new(SeatOutcome.NoAgents, null, reason);
}

/// <summary>How a seat request ended.</summary>
public enum SeatOutcome
{
    /// <summary>An agent's seat is held for the step.</summary>
    Granted,

    /// <summary>Every fitting agent is full; the step waits in line and is offered a seat when one frees.</summary>
    Queued,

    /// <summary>No registered agent has what the step needs; waiting would not help.</summary>
    NoFit,

    /// <summary>An offer's answer (<see cref="DispatchBoard.Offer"/>): a fitting agent exists but has no free seat; the step was not put in line.</summary>
    Busy,

    /// <summary>An offer's answer: the board has no agent at all (the swarm starting, or a shard nobody was placed on); the step was not put in line.</summary>
    NoAgents,
}
