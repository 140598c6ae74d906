using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class BallotReadingTests
{
    static readonly ConsensusRules Majority = new(ConsensusAlgorithm.SimpleMajority);

    [Fact]
    public void Ballots_from_non_voters_are_ignored()
    {
        var round = Round.Of("A", "B").Voting("A", "v1").Voting("B", "v2", "v3")
            .Stray(new Ballot("outsider1", "A")).Stray(new Ballot("outsider2", "A"));

        var outcome = round.Count(Majority);

        Assert.Equal("B", outcome.Winner);
        Assert.Equal(3, outcome.CountedWeight);
        Assert.DoesNotContain("outsider1", outcome.Weights.Keys);
    }

    [Fact]
    public void A_choice_that_is_not_an_option_counts_as_an_abstention()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2").Voting("Z", "v3").Voting("a", "v4").Voting("B", "v5");

        var outcome = round.Count(Majority);

        Assert.Equal("A", outcome.Winner);
        Assert.Equal(3, outcome.Participants);
        Assert.Equal(2, outcome.Abstentions);
        Assert.Equal(["A", "B"], outcome.Support.Keys);
    }

    [Fact]
    public void A_voters_last_ballot_is_the_one_that_counts()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2").Voting("B", "v3").Voting("B", "v1").Abstaining("v2");

        var outcome = round.Count(Majority);

        Assert.Equal("B", outcome.Winner);
        Assert.Equal(2, outcome.Support["B"]);
        Assert.Equal(0, outcome.Support["A"]);
    }

    [Fact]
    public void Every_option_appears_in_the_support_even_without_votes()
    {
        var outcome = Round.Of("C", "A", "B").Voting("A", "v1").Count(Majority);

        Assert.Equal(["A", "B", "C"], outcome.Support.Keys);
        Assert.Equal(0, outcome.Support["C"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A|A")]
    [InlineData("A| ")]
    public void Options_must_be_at_least_one_distinct_and_not_blank(string joined)
    {
        var options = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);

        Assert.Throws<ArgumentException>(() => ConsensusCounter.Count(options, [new Voter("v1")], [], Majority));
    }

    [Fact]
    public void Voter_ids_must_be_distinct()
    {
        Assert.Throws<ArgumentException>(() => ConsensusCounter.Count(["A"], [new Voter("v1"), new Voter("v1", 0.9)], [], Majority));
    }

    [Theory]
    [InlineData(ConsensusAlgorithm.SimpleMajority, 1.5, 0.5, 0.34)]
    [InlineData(ConsensusAlgorithm.SimpleMajority, double.NaN, 0.5, 0.34)]
    [InlineData(ConsensusAlgorithm.SuperMajority, 0.5, 0, 0.34)]
    [InlineData(ConsensusAlgorithm.Weighted, 0.5, 0.5, 0)]
    public void Rule_values_the_algorithm_uses_must_be_in_range(ConsensusAlgorithm algorithm, double quorum, double threshold, double maxWeightShare)
    {
        var rules = new ConsensusRules(algorithm, Threshold: threshold, Quorum: quorum, MaxWeightShare: maxWeightShare);

        Assert.Throws<ArgumentOutOfRangeException>(() => ConsensusCounter.Count(["A"], [new Voter("v1")], [], rules));
    }

    [Fact]
    public void Rule_values_the_algorithm_does_not_use_are_not_checked()
    {
        var rules = new ConsensusRules(ConsensusAlgorithm.SimpleMajority, Threshold: 0, MaxWeightShare: 0);

        var outcome = ConsensusCounter.Count(["A"], [new Voter("v1")], [new Ballot("v1", "A")], rules);

        Assert.Equal("A", outcome.Winner);
    }
}
