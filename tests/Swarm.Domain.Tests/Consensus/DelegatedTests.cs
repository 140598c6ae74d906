using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class DelegatedTests
{
    static readonly ConsensusRules Delegated = new(ConsensusAlgorithm.Delegated, Quorum: 0);

    [Fact]
    public void A_delegate_casts_its_own_vote_plus_every_vote_delegated_to_it()
    {
        var round = Round.Of("A", "B").Voting("A", "v1").Voting("B", "v2", "v3").Delegating("d1", "v1").Delegating("d2", "v1");

        var outcome = round.Count(Delegated);

        Assert.Equal("A", outcome.Winner);
        Assert.Equal(3, outcome.Support["A"]);
        Assert.Equal(5, outcome.Participants);
        Assert.Equal(new Dictionary<string, string> { ["d1"] = "v1", ["d2"] = "v1" }, outcome.Delegations);
        Assert.All(outcome.Weights.Values, w => Assert.Equal(1, w));
    }

    [Fact]
    public void A_chain_of_delegations_is_carried_by_the_first_voter_who_voted_directly()
    {
        var round = Round.Of("A", "B").Voting("B", "v1").Voting("A", "v2", "v3")
            .Delegating("d1", "d2").Delegating("d2", "d3").Delegating("d3", "v1");

        var outcome = round.Count(Delegated);

        Assert.Equal("B", outcome.Winner);
        Assert.Equal(4, outcome.Support["B"]);
        Assert.Equal(new Dictionary<string, string> { ["d1"] = "v1", ["d2"] = "v1", ["d3"] = "v1" }, outcome.Delegations);
    }

    [Fact]
    public void A_direct_vote_overrides_the_same_ballots_delegation()
    {
        var round = Round.Of("A", "B").Voting("A", "v1").Cast(new Ballot("d1", "B", DelegateTo: "v1")).Voting("B", "v2");

        var outcome = round.Count(Delegated);

        Assert.Equal("B", outcome.Winner);
        Assert.Empty(outcome.Delegations);
    }

    [Fact]
    public void A_cycle_counts_as_abstention_for_everyone_on_it_or_leading_into_it()
    {
        var round = Round.Of("A", "B").Voting("A", "v1", "v3").Voting("B", "v2")
            .Delegating("c1", "c2").Delegating("c2", "c1").Delegating("c3", "c1").Delegating("self", "self");

        var outcome = round.Count(Delegated);

        Assert.Equal("A", outcome.Winner);
        Assert.Equal(3, outcome.Participants);
        Assert.Equal(4, outcome.Abstentions);
        Assert.Empty(outcome.Delegations);
    }

    [Fact]
    public void A_chain_ending_anywhere_but_a_direct_vote_counts_as_abstention()
    {
        var round = Round.Of("A", "B").Voting("A", "v1").Voting("B", "v2")
            .Abstaining("abstainer").Delegating("d1", "abstainer")
            .Silent("silent").Delegating("d2", "silent")
            .Delegating("d3", "ghost")
            .Cast(new Ballot("confused", "Z")).Delegating("d4", "confused")
            .Delegating("d5", "d1");

        var outcome = round.Count(Delegated);

        Assert.Empty(outcome.Delegations);
        Assert.Equal(2, outcome.Participants);
        Assert.Equal(["A", "B"], outcome.TiedOptions);
    }

    [Fact]
    public void Delegated_votes_count_towards_the_quorum()
    {
        var round = Round.Of("A", "B").Voting("A", "v1").Delegating("d1", "v1").Delegating("d2", "v1").Silent("s1");

        var outcome = round.Count(Delegated with { Quorum = 0.75 });

        Assert.True(outcome.QuorumMet);
        Assert.Equal("A", outcome.Winner);
    }

    [Fact]
    public void Other_algorithms_treat_a_delegation_as_an_abstention()
    {
        var round = Round.Of("A", "B").Voting("A", "v1").Voting("B", "v2", "v3").Delegating("d1", "v1").Delegating("d2", "v1");

        var outcome = round.Count(Delegated with { Algorithm = ConsensusAlgorithm.SimpleMajority });

        Assert.Equal("B", outcome.Winner);
        Assert.Equal(2, outcome.Abstentions);
        Assert.Empty(outcome.Delegations);
    }
}
