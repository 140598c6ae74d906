using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class TiePolicyTests
{
    static readonly ConsensusRules Majority = new(ConsensusAlgorithm.SimpleMajority);
    static readonly Round Tied = Round.Of("A", "B", "C").Voting("A", "v1", "v2").Voting("B", "v3", "v4");

    [Fact]
    public void A_tie_decides_nothing_by_default_and_names_the_tied_options()
    {
        var outcome = Tied.Count(Majority);

        Assert.False(outcome.Decided);
        Assert.Equal(["A", "B"], outcome.TiedOptions);
        Assert.Equal("tie between A and B at 2 of 4 each: no decision", outcome.Reason);
    }

    [Fact]
    public void The_queen_breaks_a_tie_with_one_of_the_tied_options()
    {
        var outcome = Tied.Count(Majority with { Ties = TiePolicy.QueenBreaks }, queen: "B");

        Assert.True(outcome.Decided);
        Assert.Equal("B", outcome.Winner);
        Assert.Equal(["A", "B"], outcome.TiedOptions);
        Assert.Equal("tie between A and B at 2 of 4 each, broken by the queen (B)", outcome.Reason);
    }

    [Theory]
    [InlineData("C", "tie between A and B at 2 of 4 each: the queen chose C, not one of them")]
    [InlineData(null, "tie between A and B at 2 of 4 each: no queen's choice given")]
    public void The_queen_cannot_break_a_tie_with_an_option_outside_it(string? queen, string reason)
    {
        var outcome = Tied.Count(Majority with { Ties = TiePolicy.QueenBreaks }, queen);

        Assert.False(outcome.Decided);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void The_status_quo_is_kept_on_a_tie_even_when_it_is_not_among_the_tied()
    {
        var outcome = Tied.Count(Majority with { Ties = TiePolicy.StatusQuo, StatusQuo = "C" });

        Assert.Equal("C", outcome.Winner);
        Assert.Equal("tie between A and B at 2 of 4 each: status quo C kept", outcome.Reason);
    }

    [Theory]
    [InlineData("Z", "tie between A and B at 2 of 4 each: status quo Z is not an option")]
    [InlineData(null, "tie between A and B at 2 of 4 each: no status quo set")]
    public void A_status_quo_that_is_not_an_option_decides_nothing(string? statusQuo, string reason)
    {
        var outcome = Tied.Count(Majority with { Ties = TiePolicy.StatusQuo, StatusQuo = statusQuo });

        Assert.False(outcome.Decided);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void Tie_policies_do_not_apply_when_the_leader_is_alone_but_short_of_the_rule()
    {
        var round = Round.Of("A", "B", "C").Voting("A", "v1", "v2").Voting("B", "v3").Voting("C", "v4");

        var outcome = round.Count(Majority with { Ties = TiePolicy.StatusQuo, StatusQuo = "C" }, queen: "A");

        Assert.False(outcome.Decided);
        Assert.Empty(outcome.TiedOptions);
        Assert.StartsWith("no option reached", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_three_way_tie_names_every_tied_option()
    {
        var round = Round.Of("C", "B", "A").Voting("C", "v1").Voting("A", "v2").Voting("B", "v3");

        var outcome = round.Count(Majority with { Ties = TiePolicy.QueenBreaks }, queen: "C");

        Assert.Equal("C", outcome.Winner);
        Assert.Equal(["A", "B", "C"], outcome.TiedOptions);
        Assert.StartsWith("tie between A, B and C", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_equal_but_for_float_rounding_still_tie()
    {
        // 0.6 + 0.7 is 1.2999999999999998 in binary floating point, not the 1.3 that b1 weighs alone.
        var round = Round.Of("A", "B")
            .With(new Voter("a1", Reputation: 0.1), new Voter("a2", Reputation: 0.2), new Voter("b1", Reputation: 0.8))
            .Voting("A", "a1", "a2")
            .Voting("B", "b1");

        var outcome = round.Count(new ConsensusRules(ConsensusAlgorithm.Weighted, MaxWeightShare: 1));

        Assert.NotEqual(outcome.Support["A"], outcome.Support["B"]);
        Assert.Equal(["A", "B"], outcome.TiedOptions);
    }
}
