using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class QuorumTests
{
    static readonly ConsensusRules Majority = new(ConsensusAlgorithm.SimpleMajority);

    [Fact]
    public void A_missed_quorum_decides_nothing_and_says_how_far_it_fell_short()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2").Silent("v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10");

        var outcome = round.Count(Majority);

        Assert.False(outcome.Decided);
        Assert.False(outcome.QuorumMet);
        Assert.Equal("quorum missed: 2 of 10 voted, needed 50%", outcome.Reason);
        Assert.Equal(2, outcome.Support["A"]); // the tally is still reported
    }

    [Fact]
    public void Participation_exactly_at_the_quorum_meets_it()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2").Abstaining("v3").Silent("v4");

        var outcome = round.Count(Majority);

        Assert.True(outcome.QuorumMet);
        Assert.Equal("A", outcome.Winner);
    }

    [Fact]
    public void An_abstaining_ballot_does_not_count_as_participation()
    {
        var round = Round.Of("A", "B").Voting("A", "v1").Abstaining("v2", "v3");

        var outcome = round.Count(Majority);

        Assert.False(outcome.QuorumMet);
        Assert.Equal("quorum missed: 1 of 3 voted, needed 50%", outcome.Reason);
    }

    [Fact]
    public void A_round_without_voters_misses_even_a_zero_quorum()
    {
        var outcome = Round.Of("A", "B").Count(Majority with { Quorum = 0 });

        Assert.False(outcome.Decided);
        Assert.False(outcome.QuorumMet);
        Assert.Equal("quorum missed: no eligible voters", outcome.Reason);
    }

    [Fact]
    public void Everyone_abstaining_under_a_zero_quorum_decides_nothing_even_with_a_status_quo()
    {
        var round = Round.Of("A", "B").Abstaining("v1", "v2");

        var outcome = round.Count(Majority with { Quorum = 0, Ties = TiePolicy.StatusQuo, StatusQuo = "A" });

        Assert.False(outcome.Decided);
        Assert.True(outcome.QuorumMet);
        Assert.Empty(outcome.TiedOptions);
        Assert.Equal("no votes counted: all 2 eligible voters abstained", outcome.Reason);
    }

    [Fact]
    public void A_weighted_round_counts_its_quorum_by_heads_so_one_heavy_voter_of_three_cannot_carry_it()
    {
        var round = Round.Of("A", "B")
            .With(new Voter("expert", Reputation: 1, ExpertiseMatch: true))
            .Cast(new Ballot("expert", "A"))
            .Silent("v2", "v3");

        var outcome = round.Count(new ConsensusRules(ConsensusAlgorithm.Weighted, MaxWeightShare: 1));

        Assert.False(outcome.Decided);
        Assert.Equal("quorum missed: 1 of 3 voted, needed 50%", outcome.Reason);
    }

    [Fact]
    public void Seats_no_voter_filled_count_against_the_quorum()
    {
        var round = Round.Of("A", "B").Voting("A", "only").Unfilled(2);

        var weighted = round.Count(new ConsensusRules(ConsensusAlgorithm.Weighted));
        var lenient = round.Count(Majority with { Quorum = 0.3 });

        Assert.False(weighted.Decided);
        Assert.Equal("quorum missed: 1 of 3 voted (2 of 3 seats unfilled), needed 50%", weighted.Reason);
        Assert.Equal("A", lenient.Winner);
        Assert.Equal(1.0, lenient.Weights.Values.Sum(), 9); // an unfilled seat weighs nothing
    }

    [Fact]
    public void Every_outcome_names_who_voted_and_who_did_not_with_the_participation_against_the_quorum()
    {
        var round = Round.Of("A", "B").Voting("A", "v2", "v1").Abstaining("v3").Silent("v4").Unfilled(1);

        var outcome = round.Count(new ConsensusRules(ConsensusAlgorithm.Weighted, Quorum: 0.4));

        var participation = outcome.Participation;
        Assert.Equal(["v1", "v2"], participation.Voted);
        Assert.Equal(["v3", "v4"], participation.NotVoted);
        Assert.Equal((1, 0.4, 0.4, true), (participation.UnfilledSeats, participation.Share, participation.Quorum, participation.Met));
        Assert.Equal("2 of 5 voted (40%; 1 seat unfilled), quorum 40%: met", participation.Summary);
        Assert.Equal("A", outcome.Winner);
    }
}
