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
}
