using System.Collections.Immutable;

namespace Swarm.Domain.Consensus;

/// <summary>What each eligible voter's own vote weighs, before any delegation moves it.</summary>
internal static class VoteWeights
{
    public static ImmutableSortedDictionary<string, double> For(BallotBox box, ConsensusRules rules) =>
        rules.Algorithm == ConsensusAlgorithm.Weighted
            ? Capped(box, rules.MaxWeightShare)
            : box.Voters.ToImmutableSortedDictionary(v => v.Id, _ => 1.0, StringComparer.Ordinal);

    /// <summary>
    /// Raw weights clipped to <paramref name="maxShare"/> of their sum. The cap is taken against the raw total (not
    /// re-solved against the capped one) so it is one pass and can never leave a voter without weight.
    /// </summary>
    static ImmutableSortedDictionary<string, double> Capped(BallotBox box, double maxShare)
    {
        // Sorted voters, so the float sum is the same whatever order the caller listed them in.
        var raw = box.Voters.Select(v => (v.Id, Weight: Raw(v, box.Ballots.GetValueOrDefault(v.Id)))).ToList();
        var cap = maxShare * raw.Sum(r => r.Weight);
        return raw.ToImmutableSortedDictionary(r => r.Id, r => Math.Min(r.Weight, cap), StringComparer.Ordinal);
    }

    static double Raw(Voter voter, Ballot? ballot)
    {
        var reputation = Clamp(voter.Reputation, fallback: 0.5);
        var expertise = voter.ExpertiseMatch ? 1.5 : 1.0;
        var confidence = ballot is null ? 1.0 : 0.5 + (0.5 * Clamp(ballot.Confidence, fallback: 1.0));
        return (0.5 + reputation) * expertise * confidence;
    }

    static double Clamp(double value, double fallback) => double.IsNaN(value) ? fallback : Math.Clamp(value, 0.0, 1.0);
}
