namespace Swarm.Domain.Consensus;

/// <summary>
/// What a round does when no option met its rule and the leading options have equal support. It never applies to
/// <see cref="ConsensusAlgorithm.Unanimous"/>, nor when the leader is alone but short of the rule.
/// </summary>
public enum TiePolicy
{
    /// <summary>The round ends without a decision.</summary>
    NoDecision,

    /// <summary>
    /// <see cref="ConsensusRules.StatusQuo"/> is kept, whether or not it is among the tied options; without a status
    /// quo that is one of the options, no decision.
    /// </summary>
    StatusQuo,

    /// <summary>The queen's choice wins if it is one of the tied options; otherwise no decision.</summary>
    QueenBreaks,
}
