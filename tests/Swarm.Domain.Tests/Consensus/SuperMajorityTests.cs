using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class SuperMajorityTests
{
    static readonly ConsensusRules TwoThirds = new(ConsensusAlgorithm.SuperMajority);

    [Fact]
    public void Exactly_two_thirds_meets_the_default_threshold()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2").Voting("B", "v3");

        var outcome = round.Count(TwoThirds);

        Assert.Equal("A", outcome.Winner);
        Assert.Equal("threshold met: 2 of 3 (66.7%) for A, needed >= 66.7%", outcome.Reason);
    }

    [Fact]
    public void A_simple_majority_short_of_the_threshold_decides_nothing()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2", "v3").Voting("B", "v4", "v5");

        var outcome = round.Count(TwoThirds);

        Assert.False(outcome.Decided);
        Assert.Equal("no option reached >= 66.7%: best was A with 3 of 5 (60%)", outcome.Reason);
    }

    [Fact]
    public void The_threshold_is_a_share_of_the_counted_votes_so_abstentions_do_not_block_it()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2", "v3").Voting("B", "v4").Abstaining("v5", "v6");

        var outcome = round.Count(TwoThirds with { Threshold = 0.75 });

        Assert.Equal("A", outcome.Winner);
    }

    [Fact]
    public void A_low_threshold_met_by_two_options_at_once_is_a_tie()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2").Voting("B", "v3", "v4");

        var outcome = round.Count(TwoThirds with { Threshold = 0.5 });

        Assert.False(outcome.Decided);
        Assert.Equal(["A", "B"], outcome.TiedOptions);
    }
}
