using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class SimpleMajorityTests
{
    static readonly ConsensusRules Majority = new(ConsensusAlgorithm.SimpleMajority);

    [Fact]
    public void Strictly_more_than_half_of_the_counted_votes_wins()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2", "v3").Voting("B", "v4", "v5");

        var outcome = round.Count(Majority);

        Assert.True(outcome.Decided);
        Assert.Equal("A", outcome.Winner);
        Assert.Equal("threshold met: 3 of 5 (60%) for A, needed > 50%", outcome.Reason);
        Assert.Equal(3, outcome.Support["A"]);
        Assert.Equal(2, outcome.Support["B"]);
        Assert.Equal(5, outcome.CountedWeight);
        Assert.Empty(outcome.TiedOptions);
        Assert.Empty(outcome.Delegations);
    }

    [Fact]
    public void Exactly_half_is_not_a_majority()
    {
        var round = Round.Of("A", "B", "C").Voting("A", "v1", "v2").Voting("B", "v3").Voting("C", "v4");

        var outcome = round.Count(Majority);

        Assert.False(outcome.Decided);
        Assert.Null(outcome.Winner);
        Assert.Equal("no option reached > 50%: best was A with 2 of 4 (50%)", outcome.Reason);
        Assert.Empty(outcome.TiedOptions);
    }

    [Fact]
    public void Abstentions_count_for_the_quorum_but_not_against_the_majority()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v2").Voting("B", "v3").Abstaining("v4").Silent("v5");

        var outcome = round.Count(Majority);

        Assert.Equal("A", outcome.Winner);
        Assert.Equal(3, outcome.Participants);
        Assert.Equal(2, outcome.Abstentions);
        Assert.Equal(3, outcome.CountedWeight);
        Assert.Equal(5, outcome.EligibleWeight);
    }

    [Fact]
    public void Every_voter_weighs_one_whatever_its_reputation_or_confidence()
    {
        var round = Round.Of("A", "B")
            .With(new Voter("expert", Reputation: 1, ExpertiseMatch: true), new Voter("n1", Reputation: 0), new Voter("n2", Reputation: 0))
            .Cast(new Ballot("expert", "A", Confidence: 1))
            .Cast(new Ballot("n1", "B", Confidence: 0))
            .Cast(new Ballot("n2", "B", Confidence: 0));

        var outcome = round.Count(Majority);

        Assert.Equal("B", outcome.Winner);
        Assert.All(outcome.Weights.Values, w => Assert.Equal(1, w));
    }
}
