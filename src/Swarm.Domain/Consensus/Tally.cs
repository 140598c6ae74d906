using System.Collections.Immutable;

namespace Swarm.Domain.Consensus;

/// <summary>
/// What the ballots add up to before any rule looks at them: each voter's weight, where delegated weight went, and the
/// support of every option. Also builds the outcome, so every path reports the same tallies.
/// </summary>
internal sealed record Tally(
    BallotBox Box,
    ImmutableSortedDictionary<string, double> Weights,
    ImmutableSortedDictionary<string, string> Delegations,
    ImmutableSortedDictionary<string, double> Support,
    double CountedWeight,
    double EligibleWeight,
    ImmutableList<string> Voted,
    double RequiredQuorum)
{
    public int Participants => Voted.Count;

    public static Tally Of(BallotBox box, ConsensusRules rules)
    {
        var weights = VoteWeights.For(box, rules);
        var delegations = rules.Algorithm == ConsensusAlgorithm.Delegated
            ? Delegation.Resolve(box)
            : ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

        var support = box.Options.ToDictionary(o => o, _ => 0.0, StringComparer.Ordinal);
        var voted = ImmutableList.CreateBuilder<string>();
        foreach (var voter in box.Voters)
        {
            // A delegator's own weight goes to the option its carrier chose; resolution already made each voter count once.
            var caster = delegations.GetValueOrDefault(voter.Id, voter.Id);
            if (box.Choices.TryGetValue(caster, out var option))
            {
                support[option] += weights[voter.Id];
                voted.Add(voter.Id);
            }
        }

        var sorted = support.ToImmutableSortedDictionary(StringComparer.Ordinal);
        return new(box, weights, delegations, sorted, sorted.Values.Sum(), weights.Values.Sum(), voted.ToImmutable(), rules.Quorum);
    }

    /// <summary>The options whose support equals the highest (within epsilon), in ordinal order; the first is the leader.</summary>
    public IReadOnlyList<string> Leaders()
    {
        var top = Support.Values.Max();
        return [.. Support.Where(s => s.Value >= top - ConsensusCounter.Epsilon).Select(s => s.Key)];
    }

    public ConsensusOutcome Decide(string winner, string reason, IReadOnlyList<string>? tied = null) =>
        Outcome(true, winner, reason, quorumMet: true, tied);

    public ConsensusOutcome Undecided(string reason, bool quorumMet = true, IReadOnlyList<string>? tied = null) =>
        Outcome(false, null, reason, quorumMet, tied);

    ConsensusOutcome Outcome(bool decided, string? winner, string reason, bool quorumMet, IReadOnlyList<string>? tied) =>
        new(decided, winner, reason, Support, CountedWeight, EligibleWeight, Participants, Box.Voters.Count - Participants, quorumMet, tied ?? [], Delegations, Weights, Participation(quorumMet));

    Participation Participation(bool quorumMet) => new(
        Voted,
        [.. Box.Voters.Select(v => v.Id).Where(id => !Voted.Contains(id, StringComparer.Ordinal))],
        Box.UnfilledSeats,
        Quorum.Share(this),
        RequiredQuorum,
        quorumMet);
}
