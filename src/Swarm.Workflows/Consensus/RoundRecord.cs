using Swarm.Domain.Consensus;

namespace Swarm.Workflows.Consensus;

/// <summary>One round: every ballot and the count, with the decision and why.</summary>
public sealed record RoundRecord(int Round, IReadOnlyList<BallotRecord> Ballots, ConsensusOutcome Outcome, string? TieBreaker, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
