namespace Swarm.Domain.Consensus;

/// <summary>
/// The result of counting a round, with everything needed to explain it. The tallies are filled in even when the
/// round is undecided (a missed quorum still shows who voted for what). Dictionaries enumerate in ordinal key order.
/// </summary>
/// <param name="Decided">Whether an option won.</param>
/// <param name="Winner">The winning option, when decided.</param>
/// <param name="Reason">
/// Why, in words. It starts with one of these stable prefixes, which callers may match: "quorum missed",
/// "no votes counted", "threshold met", "unanimous", "unanimity failed", "tie between", "no option reached".
/// </param>
/// <param name="Support">Option to the weight counted for it; every option is present (0 when none).</param>
/// <param name="CountedWeight">Weight of the votes counted, the sum of <paramref name="Support"/>.</param>
/// <param name="EligibleWeight">Weight of all eligible voters, the sum of <paramref name="Weights"/>.</param>
/// <param name="Participants">Voters whose vote counted, directly or through a delegate.</param>
/// <param name="Abstentions">Eligible voters whose vote did not count: abstained, no ballot, unknown choice, or a delegation that reached no direct vote.</param>
/// <param name="QuorumMet">Whether participation reached the quorum.</param>
/// <param name="TiedOptions">
/// The leading options, in ordinal order, when two or more tied and none met the rule (kept when a tie policy then
/// decided, so a broken tie stays visible); empty otherwise.
/// </param>
/// <param name="Delegations">
/// <see cref="ConsensusAlgorithm.Delegated"/> only: each delegator whose vote counted, to the direct voter that finally
/// cast it (resolved through the whole chain). Empty for the other algorithms.
/// </param>
/// <param name="Weights">
/// Each eligible voter's own weight (after the cap under <see cref="ConsensusAlgorithm.Weighted"/>, 1 otherwise). What
/// a delegate carries for others shows in <paramref name="Delegations"/>, not here.
/// </param>
/// <param name="Participation">Who voted and who did not, by name, and the participation against the quorum.</param>
public sealed record ConsensusOutcome(
    bool Decided,
    string? Winner,
    string Reason,
    IReadOnlyDictionary<string, double> Support,
    double CountedWeight,
    double EligibleWeight,
    int Participants,
    int Abstentions,
    bool QuorumMet,
    IReadOnlyList<string> TiedOptions,
    IReadOnlyDictionary<string, string> Delegations,
    IReadOnlyDictionary<string, double> Weights,
    Participation Participation);
