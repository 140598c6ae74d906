namespace Swarm.Domain.Consensus;

/// <summary>The rules of a round. Values a round's algorithm does not use are not read (nor checked).</summary>
/// <param name="Algorithm">How ballots become a decision.</param>
/// <param name="Threshold">
/// <see cref="ConsensusAlgorithm.SuperMajority"/> only: the share of the counted weight the leading option needs (at
/// least, within 1e-9), in (0, 1]. The other majority algorithms need strictly more than half.
/// </param>
/// <param name="Quorum">
/// Minimum participation, in [0, 1]: the share of eligible voters (by count, whatever the weights) whose vote counted,
/// directly or through a delegate. Below it the round ends undecided ("quorum missed"); a round without voters always
/// misses it.
/// </param>
/// <param name="Ties">What to do when no option met the rule and the leading options tied.</param>
/// <param name="StatusQuo">The option kept under <see cref="TiePolicy.StatusQuo"/>; it applies only if it is one of the options.</param>
/// <param name="MaxWeightShare">
/// <see cref="ConsensusAlgorithm.Weighted"/> only, in (0, 1]: no voter weighs more than this share of the sum of all
/// eligible voters' raw weights, so no single agent can carry a round.
/// </param>
public sealed record ConsensusRules(
    ConsensusAlgorithm Algorithm,
    double Threshold = 2.0 / 3.0,
    double Quorum = 0.5,
    TiePolicy Ties = TiePolicy.NoDecision,
    string? StatusQuo = null,
    double MaxWeightShare = 0.34);
