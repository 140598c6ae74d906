using Swarm.Domain.Consensus;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests.Learning;

/// <summary>What a counted round teaches the board about its voters.</summary>
public sealed class VoteSignalsTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
    static readonly Voter[] Voters = [new("a1"), new("a2"), new("a3")];

    [Fact]
    public void Voters_who_chose_the_winner_are_taught_one_and_the_others_zero()
    {
        Ballot[] cast = [new("a1", "x"), new("a2", "x"), new("a3", "y")];
        var outcome = ConsensusCounter.Count(["x", "y"], Voters, cast, new ConsensusRules(ConsensusAlgorithm.SimpleMajority));

        var signals = VoteSignals.From("p1", "sql", null, outcome, cast, T0);

        Assert.Equal(
            [("vote:p1:a1", 1.0), ("vote:p1:a2", 1.0), ("vote:p1:a3", 0.0)],
            signals.Select(s => (s.Id, s.Value)).OrderBy(s => s.Id, StringComparer.Ordinal));
        Assert.All(signals, s => Assert.Equal((SkillKind.Consensus, 0.5, "sql", T0), (s.Kind, s.Weight, Assert.Single(s.Keys), s.At)));
    }

    [Fact]
    public void A_vote_on_a_recognised_tasks_answers_teaches_its_pattern_as_well_as_its_capability()
    {
        Ballot[] cast = [new("a1", "x"), new("a2", "x"), new("a3", "y")];
        var outcome = ConsensusCounter.Count(["x", "y"], Voters, cast, new ConsensusRules(ConsensusAlgorithm.SimpleMajority));

        var signals = VoteSignals.From("p1", "sql", "sql~2", outcome, cast, T0);
        var general = VoteSignals.From("p1", null, "general~0", outcome, cast, T0);

        Assert.Equal(3, signals.Count);
        Assert.All(signals, s => Assert.Equal(["sql", "sql~2"], s.Keys));
        // A task that named no capability was taught general by its steps, so its vote names general beside the pattern.
        Assert.All(general, s => Assert.Equal(["general", "general~0"], s.Keys));
    }

    [Fact]
    public void A_delegator_is_judged_by_the_vote_its_delegate_cast_and_an_abstainer_not_at_all()
    {
        Ballot[] cast = [new("a1", "x"), new("a2", null), new("a3", null, DelegateTo: "a1")];
        var outcome = ConsensusCounter.Count(["x", "y"], Voters, cast, new ConsensusRules(ConsensusAlgorithm.Delegated, Quorum: 0.5));

        var signals = VoteSignals.From("p1", null, null, outcome, cast, T0);

        Assert.True(outcome.Decided, outcome.Reason);
        Assert.Equal(["a1", "a3"], signals.Select(s => s.AgentId).Order(StringComparer.Ordinal));
        Assert.All(signals, s => Assert.Equal(1.0, s.Value));
        Assert.All(signals, s => Assert.Empty(s.Keys));
    }

    [Fact]
    public void An_undecided_round_teaches_nothing()
    {
        Ballot[] cast = [new("a1", "x"), new("a2", "y")];
        var outcome = ConsensusCounter.Count(["x", "y"], Voters, cast, new ConsensusRules(ConsensusAlgorithm.SimpleMajority));

        Assert.False(outcome.Decided);
        Assert.Empty(VoteSignals.From("p1", "sql", null, outcome, cast, T0));
    }
}
