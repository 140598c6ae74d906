using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class UnanimousTests
{
    static readonly ConsensusRules Unanimity = new(ConsensusAlgorithm.Unanimous);

    [Fact]
    public void Unanimous_rule_passes_when_every_voter_chooses_the_same_option()
    {
        var round = Round.Of("A", "B").Voting("B", "q1", "q2", "q3");

        var outcome = round.Count(Unanimity);

        Assert.Equal("B", outcome.Winner);
        Assert.Equal("unanimous: all 3 voted for B", outcome.Reason);
    }

    [Fact]
    public void Unanimous_rule_fails_on_a_single_dissent()
    {
        var round = Round.Of("A", "B").Voting("B", "q1", "q3", "q4").Voting("A", "q2");

        var outcome = round.Count(Unanimity);

        Assert.False(outcome.Decided);
        Assert.Equal("unanimity failed: q2 dissented (chose A)", outcome.Reason);
    }

    [Fact]
    public void Unanimous_rule_fails_on_an_abstention_or_a_missing_ballot_and_names_them()
    {
        var round = Round.Of("A", "B").Voting("A", "q1", "q2", "q3", "q4").Abstaining("q5").Silent("q6");

        var outcome = round.Count(Unanimity);

        Assert.False(outcome.Decided);
        Assert.True(outcome.QuorumMet);
        Assert.Equal("unanimity failed: q5, q6 abstained", outcome.Reason);
    }

    [Fact]
    public void Unanimous_rule_never_applies_a_tie_policy()
    {
        var round = Round.Of("A", "B").Voting("A", "q1").Voting("B", "q2");

        var outcome = round.Count(Unanimity with { Ties = TiePolicy.QueenBreaks }, queen: "A");

        Assert.False(outcome.Decided);
        Assert.Equal(["A", "B"], outcome.TiedOptions);
        Assert.StartsWith("unanimity failed: q2 dissented (chose B)", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanimous_rule_ignores_delegations()
    {
        var round = Round.Of("A", "B").Voting("A", "q1", "q2").Delegating("q3", "q1");

        var outcome = round.Count(Unanimity);

        Assert.False(outcome.Decided);
        Assert.Equal("unanimity failed: q3 abstained", outcome.Reason);
    }
}
