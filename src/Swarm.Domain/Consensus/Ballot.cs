namespace Swarm.Domain.Consensus;

/// <summary>
/// One voter's ballot. If a voter casts several, only the last one in the list counts. Ballots from ids that are not
/// among the round's voters are ignored, and a choice that is not one of the options (compared ordinally) counts as an
/// abstention.
/// </summary>
/// <param name="VoterId">Who votes.</param>
/// <param name="Choice">The option voted for; null abstains.</param>
/// <param name="Confidence">0..1 (values outside are clamped; NaN counts as 1). Only <see cref="ConsensusAlgorithm.Weighted"/> reads it.</param>
/// <param name="Rationale">Why, in the voter's words; kept for the record, never counted.</param>
/// <param name="DelegateTo">
/// Under <see cref="ConsensusAlgorithm.Delegated"/> only: the voter who casts this vote instead. Ignored whenever
/// <paramref name="Choice"/> is set (a direct vote overrides a delegation), even to a choice that is not an option.
/// </param>
public sealed record Ballot(string VoterId, string? Choice, double Confidence = 1.0, string? Rationale = null, string? DelegateTo = null);
