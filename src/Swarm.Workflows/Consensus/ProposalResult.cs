using Swarm.Domain.Consensus;

namespace Swarm.Workflows.Consensus;

/// <summary>The output of a finished round of consensus: the decision (or its absence) and every round that led to it.</summary>
/// <param name="Voters">The participants as counted: reputation for the capability and whether their expertise matches.</param>
public sealed record ProposalResult(
    string ProposalId,
    bool Decided,
    string? Winner,
    string Reason,
    ConsensusAlgorithm Algorithm,
    IReadOnlyList<Voter> Voters,
    IReadOnlyList<RoundRecord> Rounds,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt);
