using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class WeightedTests
{
    static readonly ConsensusRules Weighted = new(ConsensusAlgorithm.Weighted);
    static readonly ConsensusRules Uncapped = Weighted with { MaxWeightShare = 1 };

    // Raw weights: (0.5 + reputation) × (1.5 when expertise matches) × (0.5 + 0.5 × confidence).
    static Round Expert(Round round, string id, string? choice) =>
        round.With(new Voter(id, Reputation: 1, ExpertiseMatch: true)).Cast(new Ballot(id, choice, Confidence: 1)); // 2.25

    static Round Novice(Round round, string id, string? choice) =>
        round.With(new Voter(id, Reputation: 0)).Cast(new Ballot(id, choice, Confidence: 0)); // 0.25

    [Fact]
    public void Reputation_expertise_and_confidence_shape_a_voters_weight()
    {
        var round = Novice(Expert(Round.Of("A", "B"), "e", "A"), "n", "B")
            .With(new Voter("m", Reputation: 0.5))
            .Cast(new Ballot("m", "B", Confidence: 0.5));

        var outcome = round.Count(Uncapped);

        Assert.Equal(2.25, outcome.Weights["e"], 9);
        Assert.Equal(0.25, outcome.Weights["n"], 9);
        Assert.Equal(0.75, outcome.Weights["m"], 9);
        Assert.Equal(3.25, outcome.EligibleWeight, 9);
        Assert.Equal("A", outcome.Winner);
        Assert.Equal("threshold met: 2.25 of 3.25 (69.2%) for A, needed > 50%", outcome.Reason);
    }

    [Fact]
    public void A_voter_without_a_ballot_weighs_at_full_confidence_and_counts_as_eligible_weight()
    {
        var round = Round.Of("A", "B").Cast(new Ballot("v1", "A", Confidence: 0)).Silent("s");

        var outcome = round.Count(Uncapped);

        Assert.Equal(0.5, outcome.Weights["v1"], 9); // default reputation 0.5, no confidence
        Assert.Equal(1.0, outcome.Weights["s"], 9);
        Assert.Equal(1.5, outcome.EligibleWeight, 9);
        Assert.Equal(0.5, outcome.CountedWeight, 9);
    }

    [Fact]
    public void A_heavier_minority_outvotes_a_lighter_majority()
    {
        var round = Novice(Novice(Novice(Expert(Expert(Round.Of("A", "B"), "e1", "A"), "e2", "A"), "n1", "B"), "n2", "B"), "n3", "B");

        var outcome = round.Count(Weighted);

        Assert.Equal("A", outcome.Winner);
    }

    [Fact]
    public void No_voter_weighs_more_than_its_share_of_the_raw_total()
    {
        // Raw total 2.25 + 3 × 0.25 = 3; the cap is 0.34 × 3 = 1.02.
        var round = Novice(Novice(Novice(Expert(Round.Of("A", "B"), "e", "A"), "n1", "B"), "n2", "B"), "n3", "B");

        var outcome = round.Count(Weighted);

        Assert.Equal(1.02, outcome.Weights["e"], 9);
        Assert.Equal(0.25, outcome.Weights["n1"], 9);
        Assert.Equal("A", outcome.Winner);
        Assert.Equal("threshold met: 1.02 of 1.77 (57.6%) for A, needed > 50%", outcome.Reason);
    }

    [Fact]
    public void A_capped_voter_can_be_outvoted_by_lighter_ones_it_would_have_beaten_uncapped()
    {
        var round = Novice(Novice(Novice(Novice(Expert(Round.Of("A", "B"), "e", "A"), "n1", "B"), "n2", "B"), "n3", "B"), "n4", "B");

        Assert.Equal("A", round.Count(Uncapped).Winner);
        Assert.Equal("B", round.Count(Weighted with { MaxWeightShare = 0.25 }).Winner);
    }

    [Fact]
    public void The_quorum_counts_heads_not_weight()
    {
        var round = Expert(Round.Of("A", "B"), "e", "A").Silent("s1", "s2", "s3", "s4");

        var outcome = round.Count(Uncapped);

        Assert.False(outcome.QuorumMet);
        Assert.Equal("quorum missed: 1 of 5 voted, needed 50%", outcome.Reason);
    }

    [Fact]
    public void Below_a_quarter_share_a_new_heavy_vote_for_the_winner_can_lift_the_losers_caps_past_it()
    {
        // The cap is a share of the raw total, so a newcomer raises every capped voter's ceiling. With a 0.1 share,
        // four capped voters for B gain more from one heavy newcomer for A than A gains from its vote.
        var before = Round.Of("A", "B");
        foreach (var id in new[] { "a1", "a2", "a3", "a4", "a5" })
        {
            before = before.With(new Voter(id, Reputation: 0)).Cast(new Ballot(id, "A", Confidence: 0.96)); // 0.49, under the cap
        }

        foreach (var id in new[] { "b1", "b2", "b3", "b4" })
        {
            before = before.With(new Voter(id)).Cast(new Ballot(id, "B", Confidence: 0.775)); // 0.8875, capped at 0.6
        }

        var rules = Weighted with { MaxWeightShare = 0.1 };
        var after = Expert(before, "newcomer", "A"); // 2.25, capped at 0.825, which also lifts B's voters to 0.825

        Assert.Equal("A", before.Count(rules).Winner);
        Assert.Equal("B", after.Count(rules).Winner);
    }
}
