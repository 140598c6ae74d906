namespace Swarm.Domain.Consensus;

/// <summary>
/// How a round turns ballots into a decision. Every algorithm checks the quorum first (see
/// <see cref="ConsensusRules.Quorum"/>); they differ in how much a vote weighs and how much support wins.
/// </summary>
public enum ConsensusAlgorithm
{
    /// <summary>One voter, one vote; the option with strictly more than half of the counted votes wins.</summary>
    SimpleMajority,

    /// <summary>One voter, one vote; the option with at least <see cref="ConsensusRules.Threshold"/> of the counted votes wins.</summary>
    SuperMajority,

    /// <summary>
    /// Every eligible voter must vote, and all for the same option. One dissent or one abstention (including a
    /// missing ballot) fails it; tie policies never apply.
    /// </summary>
    Unanimous,

    /// <summary>
    /// Votes weigh by reputation, expertise and confidence, each voter capped at
    /// <see cref="ConsensusRules.MaxWeightShare"/> of the total; strictly more than half of the counted weight wins.
    /// </summary>
    Weighted,

    /// <summary>
    /// One voter, one vote, but a voter may hand its vote to another (<see cref="Ballot.DelegateTo"/>); strictly more
    /// than half of the counted votes wins.
    /// </summary>
    Delegated,
}
