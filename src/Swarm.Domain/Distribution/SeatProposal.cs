using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// One shard's answer to <see cref="DispatchBoard.Propose"/>: the agent it would grant now and what the selection ranked it
/// by, or why it would grant none. Proposals from every shard are compared by <see cref="ShardProposals.ClaimOrder"/> the
/// way <see cref="AgentSelector.Rank"/> compares agents on one board, so the step claims the swarm-wide best.
/// </summary>
/// <param name="Outcome"><see cref="SeatOutcome.Granted"/> (it would grant <paramref name="AgentId"/>), <see cref="SeatOutcome.Busy"/>, <see cref="SeatOutcome.NoFit"/> or <see cref="SeatOutcome.NoAgents"/>.</param>
/// <param name="AgentId">The agent it would grant; null otherwise.</param>
/// <param name="Score">The agent's composite score (<see cref="AgentSelector.Score"/>), comparable across shards because every shard draws with the request's swarm draw.</param>
/// <param name="Skill">The skill value behind the score and how it was chosen (its kind is counted when the seat is claimed).</param>
/// <param name="External">Whether the agent is external: model agents rank first, on every shard as on one board.</param>
/// <param name="TypeFit">The agent's type fit, which names its exploration tier when it was explored.</param>
/// <param name="TierSize">When explored: how many fitting agents the shard's exploration tier had, so the step picks among shards in proportion.</param>
/// <param name="Held">The step already holds this agent's seat on this shard (a repeated ask): it is taken before anything else.</param>
/// <param name="Reason">Why the agent, or why none.</param>
public sealed record SeatProposal(
    SeatOutcome Outcome,
    string? AgentId,
    double Score,
    SkillChoice? Skill,
    bool External,
    double TypeFit,
    int TierSize,
    bool Held,
    string Reason)
{
    /// <summary>Whether the shard would grant a seat.</summary>
    public bool Grants => Outcome == SeatOutcome.Granted && AgentId is not null;

    /// <summary>Whether the proposed agent was the shard's ε pick rather than its best by score.</summary>
    public bool Explored => Skill?.Kind == SkillChoice.Explore;

    /// <summary>A shard that would grant nothing, and why.</summary>
    public static SeatProposal None(SeatOutcome outcome, string reason) => new(outcome, null, 0, null, false, 0, 0, false, reason);
}
