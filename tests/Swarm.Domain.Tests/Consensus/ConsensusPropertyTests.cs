using CsCheck;
using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

public sealed class ConsensusPropertyTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void Unanimity_implies_a_super_majority_which_implies_a_simple_majority_for_the_same_winner()
    {
        Gen.Select(RoundGen.Any(), Gen.Double[0.51, 1]).Sample((round, threshold) =>
        {
            var unanimous = round.Count(new ConsensusRules(ConsensusAlgorithm.Unanimous, Quorum: 0));
            var super = round.Count(new ConsensusRules(ConsensusAlgorithm.SuperMajority, threshold, Quorum: 0));
            var simple = round.Count(new ConsensusRules(ConsensusAlgorithm.SimpleMajority, Quorum: 0));

            if (unanimous.Decided)
            {
                Assert.True(super.Decided);
                Assert.Equal(unanimous.Winner, super.Winner);
            }

            if (super.Decided)
            {
                Assert.True(simple.Decided);
                Assert.Equal(super.Winner, simple.Winner);
            }
        });
    }

    [Fact]
    public void One_more_vote_for_the_winner_never_changes_a_decided_majority()
    {
        // Shares of at least a quarter: below that a heavy newcomer can lift several losers' caps past the winner
        // (WeightedTests shows it). Ties decide nothing here, so every winner won by the rule, not by a tie-break.
        var gen =
            from round in RoundGen.Any()
            from weighted in Gen.Bool
            from quorum in Gen.Double[0, 1]
            from share in Gen.Double[0.25, 1]
            from newcomer in Gen.Select(Gen.Double[0, 1], Gen.Bool, Gen.Double[0, 1])
            select (round, Rules: new ConsensusRules(weighted ? ConsensusAlgorithm.Weighted : ConsensusAlgorithm.SimpleMajority, Quorum: quorum, MaxWeightShare: share), newcomer);

        gen.Sample(sample =>
        {
            var (round, rules, (reputation, expert, confidence)) = sample;
            var before = round.Count(rules);
            if (!before.Decided)
            {
                return;
            }

            var after = round.With(new Voter("newcomer", reputation, expert)).Cast(new Ballot("newcomer", before.Winner, confidence)).Count(rules);

            Assert.True(after.Decided, after.Reason);
            Assert.Equal(before.Winner, after.Winner);
        });
    }

    [Fact]
    public void Delegation_never_counts_a_voters_weight_twice()
    {
        RoundGen.Any(delegations: true).Sample(round =>
        {
            var outcome = round.Count(new ConsensusRules(ConsensusAlgorithm.Delegated, Quorum: 0));
            var direct = round.Ballots
                .Where(b => round.Voters.Any(v => v.Id == b.VoterId) && b.Choice is { } choice && round.Options.Contains(choice))
                .Select(b => b.VoterId)
                .ToHashSet();

            Assert.True(outcome.CountedWeight <= round.Voters.Count + Tolerance);
            Assert.Equal(outcome.CountedWeight, outcome.Support.Values.Sum(), 9);
            Assert.Equal(outcome.Participants, outcome.CountedWeight, 9);
            Assert.Equal(round.Voters.Count, outcome.Participants + outcome.Abstentions);
            Assert.Empty(outcome.Delegations.Keys.Intersect(direct));
            Assert.All(outcome.Delegations.Values, carrier => Assert.Contains(carrier, direct));
            Assert.Equal(direct.Count + outcome.Delegations.Count, outcome.Participants);
        });
    }

    [Fact]
    public void The_outcome_does_not_depend_on_the_order_of_ballots_voters_or_options()
    {
        var gen =
            from round in RoundGen.Any(delegations: true)
            from algorithm in Gen.Enum<ConsensusAlgorithm>()
            from rules in RoundGen.Rules(algorithm)
            from queen in Gen.Int[0, 4]
            from options in Gen.Shuffle(round.Options.ToArray())
            from voters in Gen.Shuffle(round.Voters.ToArray())
            from ballots in Gen.Shuffle(round.Ballots.ToArray())
            select (round, rules, Queen: queen < round.Options.Count ? round.Options[queen] : null, Shuffled: new Round(options, voters, ballots));

        gen.Sample(sample =>
        {
            var original = sample.round.Count(sample.rules, sample.Queen);
            var shuffled = sample.Shuffled.Count(sample.rules, sample.Queen);

            Assert.Equal(original.Decided, shuffled.Decided);
            Assert.Equal(original.Winner, shuffled.Winner);
            Assert.Equal(original.Reason, shuffled.Reason);
            Assert.Equal(original.Support, shuffled.Support);
            Assert.Equal(original.TiedOptions, shuffled.TiedOptions);
            Assert.Equal(original.Weights, shuffled.Weights);
            Assert.Equal(original.Delegations, shuffled.Delegations);
        });
    }

    [Fact]
    public void No_weighted_voter_weighs_more_than_its_capped_share_of_the_raw_total()
    {
        Gen.Select(RoundGen.Any(), Gen.Double[0.05, 1]).Sample((round, share) =>
        {
            var outcome = round.Count(new ConsensusRules(ConsensusAlgorithm.Weighted, Quorum: 0, MaxWeightShare: share));
            var raw = round.Voters.ToDictionary(v => v.Id, v => RawWeight(v, round.Ballots.LastOrDefault(b => b.VoterId == v.Id)));
            var cap = share * raw.Values.Sum();

            Assert.All(outcome.Weights, w =>
            {
                Assert.True(w.Value <= cap + Tolerance, $"{w.Key} weighs {w.Value}, over the cap {cap}");
                Assert.Equal(Math.Min(raw[w.Key], cap), w.Value, 9);
            });
            Assert.Equal(outcome.EligibleWeight, outcome.Weights.Values.Sum(), 9);
        });
    }

    [Fact]
    public void Every_eligible_voter_either_participates_or_abstains_and_support_adds_up()
    {
        Gen.Select(RoundGen.Any(delegations: true), Gen.Enum<ConsensusAlgorithm>().SelectMany(RoundGen.Rules)).Sample((round, rules) =>
        {
            var outcome = round.Count(rules);

            Assert.Equal(round.Voters.Count, outcome.Participants + outcome.Abstentions);
            Assert.Equal(outcome.CountedWeight, outcome.Support.Values.Sum(), 9);
            Assert.True(outcome.CountedWeight <= outcome.EligibleWeight + Tolerance);
            Assert.Equal(round.Options.Order(StringComparer.Ordinal), outcome.Support.Keys);
            Assert.True(!outcome.Decided || outcome.QuorumMet);
            Assert.True(!outcome.Decided || round.Options.Contains(outcome.Winner));
        });
    }

    // The documented formula, restated here so the property checks the contract rather than the code.
    static double RawWeight(Voter voter, Ballot? ballot) =>
        (0.5 + voter.Reputation) * (voter.ExpertiseMatch ? 1.5 : 1.0) * (ballot is null ? 1.0 : 0.5 + (0.5 * ballot.Confidence));
}
