using CsCheck;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests.Learning;

/// <summary>The routing algorithms of learning:algorithm (docs/design/learning.md §2): what each ranks by, warm-up, exploration and reproducible draws.</summary>
public sealed class RoutingTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    static AgentProfile Profile(string id, AgentType type = AgentType.Specialist, string provider = "simulated") =>
        new(id, id, type, new ProviderSettings(provider, "m"), 1_000_000, new AgentRole("operational", [], ["sql"], 5));

    static DispatchBoard Board(LearningPolicy policy, params AgentProfile[] agents) =>
        agents.Aggregate(new DispatchBoard().Configure(policy), (board, agent) => board.Register(agent, accepting: true).Board);

    static LearningPolicy Policy(RoutingAlgorithm algorithm, double exploration = 0.1) => new(algorithm, 0.01, exploration, true);

    /// <summary>Gives an agent a record for sql: <paramref name="successes"/> of <paramref name="total"/> outcomes.</summary>
    static DispatchBoard Record(DispatchBoard board, string agent, int successes, int total) =>
        Enumerable.Range(0, total).Aggregate(board, (b, i) =>
            b.Learn(new SkillSignal($"release:{agent}-{i}/s1", SkillKind.Outcome, agent, ["sql"], i < successes ? 1 : 0, 1, T0)));

    static SeatRequest Step(string task, IReadOnlyList<SimilarEvidence>? evidence = null) => new(task, "s1", ["sql"], 5, [], null, T0, Evidence: evidence);

    static string Chosen(DispatchBoard board, string task, IReadOnlyList<SimilarEvidence>? evidence = null) =>
        board.Request(Step(task, evidence)).Decision.AgentId!;

    [Fact]
    public void Ucb_tries_again_an_agent_whose_thin_record_could_still_be_the_best_and_not_one_whose_long_record_cannot()
    {
        // 'unlucky' succeeded 2 of its 4 steps (mean 0.5); 'steady' 72 of 100 (mean 0.72); 'known-bad' 40 of 100. Greedy
        // keeps to 'steady' for good; ucb's one-sided 90 % bound is wide for 4 outcomes and narrow for 100, so 'unlucky'
        // gets another try and 'known-bad' does not.
        var board = Record(Record(Record(Board(Policy(RoutingAlgorithm.Ucb), Profile("unlucky"), Profile("steady"), Profile("known-bad")), "unlucky", 2, 4), "steady", 72, 100), "known-bad", 40, 100);
        var greedy = board.Configure(Policy(RoutingAlgorithm.Greedy));
        var bounds = board.Agents.Values.ToDictionary(a => a.Id, a => SkillPosterior.For(a, Step("t")).UpperBound);

        Assert.True(bounds["unlucky"] > bounds["steady"], $"unlucky {bounds["unlucky"]:0.000}, steady {bounds["steady"]:0.000}");
        Assert.True(bounds["known-bad"] < bounds["steady"], $"known-bad {bounds["known-bad"]:0.000}, steady {bounds["steady"]:0.000}");
        Assert.Equal("steady", Chosen(greedy, "t1"));
        var decision = board.Request(Step("t1")).Decision;
        Assert.Equal("unlucky", decision.AgentId);
        Assert.Contains("ucb bound", decision.Reason, StringComparison.Ordinal);
        var record = board.Agents["unlucky"].SkillOf("sql");
        Assert.Equal(BetaInterval.Quantile(1 + record.Successes, 1 + record.Failures, SkillPosterior.UpperBoundLevel), bounds["unlucky"], 9);
    }

    [Fact]
    public void Ucb_keeps_to_the_best_once_the_others_records_rule_them_out()
    {
        // Two agents, long records: the better one is chosen every time; nothing is drawn, so every request agrees.
        var board = Record(Record(Board(Policy(RoutingAlgorithm.Ucb), Profile("good"), Profile("fair")), "good", 90, 100), "fair", 60, 100);

        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal("good", Chosen(board, $"t{i}")));
    }

    [Fact]
    public void Greedy_ranks_by_mean()
    {
        var board = Board(Policy(RoutingAlgorithm.Greedy), Profile("low"), Profile("high"), Profile("mid"));
        board = Record(Record(Record(board, "low", 2, 10), "high", 9, 10), "mid", 5, 10);

        var ranked = AgentSelector.Rank(board.Agents.Values, Step("t1"), board.EffectivePolicy, SelectionDraw.For("t1/s1", 0));

        Assert.Equal(["high", "mid", "low"], ranked.Select(r => r.Agent.Id));
        Assert.All(ranked, r => Assert.Equal(SkillChoice.Exploit, r.Skill.Kind));
        Assert.Equal(board.Agents["high"].SkillOf("sql").Mean, ranked[0].Skill.Value);
    }

    public static TheoryData<RoutingAlgorithm> EveryAlgorithm => new(Enum.GetValues<RoutingAlgorithm>());

    /// <summary>A veteran with a record of 100 outcomes and one other agent with a few, ranked without exploring.</summary>
    static DispatchBoard VeteranAnd(RoutingAlgorithm algorithm, int veteranSuccesses, string other, int successes, int outcomes) =>
        Record(Record(Board(Policy(algorithm, exploration: 0), Profile("veteran"), Profile(other)), "veteran", veteranSuccesses, 100), other, successes, outcomes);

    static List<SeatDecision> FiftySteps(DispatchBoard board) => [.. Enumerable.Range(0, 50).Select(i => board.Request(Step($"t{i}")).Decision)];

    [Theory]
    [MemberData(nameof(EveryAlgorithm))]
    public void Warm_up_gives_a_new_agent_the_next_step_under_every_algorithm(RoutingAlgorithm algorithm)
    {
        // The veteran has a long record (mean 0.61); the newcomer two outcomes, both successes: under four, and it could
        // still be the better one.
        var chosen = FiftySteps(VeteranAnd(algorithm, 72, "newcomer", 2, 2));

        Assert.All(chosen, d => Assert.Equal("newcomer", d.AgentId));
        Assert.All(chosen, d => Assert.Contains("warm-up (2 of 4 signals)", d.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryAlgorithm))]
    public void Warm_up_ends_early_for_an_agent_that_cannot_reach_the_best_known_agent_and_never_before_its_first_step(RoutingAlgorithm algorithm)
    {
        // The veteran's mean is 0.84. 'failed-once' failed its first step: even its 90 % bound, 0.68, is below that, so
        // the three steps left of its warm-up would be spent on an agent its one outcome already ranks under the veteran.
        var board = VeteranAnd(algorithm, 90, "failed-once", 0, 1);

        var chosen = FiftySteps(board);

        Assert.All(chosen, d => Assert.DoesNotContain("warm-up", d.Reason, StringComparison.Ordinal));
        Assert.True(chosen.Count(d => d.AgentId == "veteran") >= 45, string.Join(Environment.NewLine, chosen.Select(d => d.Reason)));
        // A newcomer without a single outcome gets its first step however good the best agent is.
        var joined = board.Register(Profile("newcomer"), accepting: true).Board;
        var first = joined.Request(Step("t-new")).Decision;
        Assert.Equal("newcomer", first.AgentId);
        Assert.Contains("warm-up (0 of 4 signals)", first.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_learning_pass_does_not_send_a_warmed_up_agent_back_to_warm_up()
    {
        // Four outcomes end warm-up (S + F 3.94 at η 0.01). Thirty passes (seven and a half hours at the default schedule)
        // while 'steady' does the work shrink that evidence below 3; when warm-up looked at the evidence, 'fresh' then
        // ranked first again, whatever its record, and again some thirty passes after each step it was given.
        var board = Record(Record(Board(Policy(RoutingAlgorithm.Greedy), Profile("steady"), Profile("fresh")), "steady", 90, 100), "fresh", 0, 4);
        var relaxed = Enumerable.Range(1, 30).Aggregate(board, (b, pass) => b
            .Learn(new SkillSignal($"release:later-{pass}/s1", SkillKind.Outcome, "steady", ["sql"], 1, 1, T0.AddMinutes((15 * pass) - 5)))
            .Relax(0.01, T0.AddMinutes(15 * pass)));

        Assert.True(relaxed.Agents["fresh"].SkillOf("sql").Evidence < 3);
        var decision = relaxed.Request(Step("t1")).Decision;
        Assert.Equal("steady", decision.AgentId);
        Assert.Contains("greedy mean", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    public void At_a_high_learning_rate_warm_up_still_ends_after_four_signals(double learningRate)
    {
        // At η the evidence S + F saturates near 1/η: at 0.5 it never reaches 3, so a threshold on it kept every agent
        // warming up for good, and routing never used what it learnt.
        var board = Record(Record(Board(new LearningPolicy(RoutingAlgorithm.Greedy, learningRate, 0, true), Profile("good"), Profile("bad")), "good", 4, 4), "bad", 0, 4);

        Assert.True(board.Agents["bad"].SkillOf("sql").Evidence < 3);
        var decisions = Enumerable.Range(0, 20).Select(i => board.Request(Step($"t{i}")).Decision).ToList();
        Assert.All(decisions, d => Assert.Equal("good", d.AgentId));
        Assert.All(decisions, d => Assert.Contains("greedy mean", d.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Explore_never_leaves_the_best_type_tier()
    {
        var board = Board(Policy(RoutingAlgorithm.EpsilonGreedy, exploration: 1),
            Profile("s1"), Profile("s2"), Profile("w1", AgentType.Worker), Profile("q1", AgentType.Queen), Profile("e1", provider: ProviderSettings.ExternalType));
        // The worker, queen and external agent are the best by record; exploring must still stay among the specialists.
        board = new[] { ("s1", 1), ("s2", 1), ("w1", 10), ("q1", 10), ("e1", 10) }.Aggregate(board, (b, r) => Record(b, r.Item1, r.Item2, 10));

        var chosen = Enumerable.Range(0, 400).Select(i => board.Request(Step($"t{i}")).Decision).ToList();

        Assert.All(chosen, d => Assert.Contains(d.AgentId, new[] { "s1", "s2" }));
        Assert.Equal(2, chosen.Select(d => d.AgentId).Distinct().Count());
        Assert.All(chosen, d => Assert.Contains("epsilon-greedy explored (ε 1.00, ", d.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RoutingAlgorithm.EpsilonGreedy)]
    [InlineData(RoutingAlgorithm.Hybrid)]
    public void Every_tier_agent_is_chosen_at_least_its_exploration_chance_over_m_of_the_time(RoutingAlgorithm algorithm)
    {
        const int Draws = 10_000;
        const double Epsilon = 0.1;
        var policy = Policy(algorithm, Epsilon);
        var board = Board(policy, Profile("star"), Profile("weak-1"), Profile("weak-2"));
        board = Record(Record(Record(board, "star", 100, 100), "weak-1", 0, 30), "weak-2", 1, 30);
        // ε for epsilon-greedy; for hybrid, ε faded by the tier's evidence on sql (well below ε here, and above zero).
        var chance = AgentSelector.ExplorationChance(policy, board.Agents.Values.Sum(a => SkillPosterior.For(a, Step("t"), policy.GlobalShrink, policy.RecordStrength).Evidence));
        Assert.InRange(chance, algorithm == RoutingAlgorithm.Hybrid ? 0.03 : Epsilon, Epsilon);

        var counts = Enumerable.Range(0, Draws).Select(i => Chosen(board, $"task-{i}")).CountBy(id => id).ToDictionary();

        // Each of m = 3 is chosen with probability ≥ chance/m; allow three standard deviations of a binomial below that.
        var p = chance / 3;
        var floor = (Draws * p) - (3 * Math.Sqrt(Draws * p * (1 - p)));
        Assert.All(new[] { "star", "weak-1", "weak-2" }, id => Assert.True(counts.GetValueOrDefault(id) >= floor, $"{id}: {counts.GetValueOrDefault(id)} < {floor:0}"));
        // And not much more often for the weak ones: the floor is a floor, not the rule.
        Assert.True(counts["star"] > Draws * 0.85, $"star: {counts["star"]}");
    }

    [Fact]
    public void Beta_sampler_matches_mean_and_variance()
    {
        const int N = 20_000;
        Gen.Select(Gen.Double[0.3, 40], Gen.Double[0.3, 40], Gen.ULong).Sample((a, b, seed) =>
        {
            var random = new SplitMix64(seed);
            var draws = Enumerable.Range(0, N).Select(_ => BetaSampler.Sample(random, a, b)).ToArray();
            double mean = a / (a + b), variance = a * b / ((a + b) * (a + b) * (a + b + 1));
            var excessKurtosis = 6 * ((((a - b) * (a - b)) * (a + b + 1)) - (a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
            var sampleMean = draws.Average();
            var sampleVariance = draws.Sum(x => (x - sampleMean) * (x - sampleMean)) / (N - 1);
            // Five standard errors of each estimator: a wrong sampler misses by far more; a right one almost never by that much.
            var meanError = Math.Sqrt(variance / N);
            var varianceError = variance * Math.Sqrt((excessKurtosis + 2) / N);
            return draws.All(x => x is >= 0 and <= 1)
                && Math.Abs(sampleMean - mean) < 5 * meanError
                && Math.Abs(sampleVariance - variance) < 5 * varianceError;
        }, iter: 40);
    }

    [Fact]
    public void Same_board_and_request_choose_the_same_agent()
    {
        var board = Board(Policy(RoutingAlgorithm.Thompson), Profile("a"), Profile("b"), Profile("c"));
        board = Record(Record(Record(board, "a", 6, 10), "b", 6, 10), "c", 6, 10);

        var first = Enumerable.Range(0, 30).Select(i => board.Request(Step($"t{i}")).Decision).ToList();
        var again = Enumerable.Range(0, 30).Select(i => board.Request(Step($"t{i}")).Decision).ToList();

        Assert.Equal(first, again);
        // The draws differ between requests: equal records share the work instead of all going to one agent.
        Assert.Equal(3, first.Select(d => d.AgentId).Distinct().Count());
        Assert.All(first, d => Assert.Matches(@"thompson sample 0\.\d\d \(mean 0\.5\d, n 9\.\d\); score 0\.\d{3}$", d.Reason));
    }

    [Fact]
    public void Hybrid_exploits_by_the_upper_bound_and_explores_at_a_chance_that_fades_as_the_board_learns_the_key()
    {
        // As in the ucb test: 'unlucky' (2 of 4) has the widest bound, 'steady' (72 of 100) the best mean. Hybrid ranks by
        // the bound, so it retries 'unlucky' where greedy would keep to 'steady', except on the share of requests that
        // explore the tier uniformly: with some 200 outcomes on sql that share is well below ε.
        var policy = Policy(RoutingAlgorithm.Hybrid);
        var board = Record(Record(Record(Board(policy, Profile("unlucky"), Profile("steady"), Profile("known-bad")), "unlucky", 2, 4), "steady", 72, 100), "known-bad", 40, 100);
        var evidence = board.Agents.Values.Sum(a => SkillPosterior.For(a, Step("t"), policy.GlobalShrink, policy.RecordStrength).Evidence);
        var chance = AgentSelector.ExplorationChance(policy, evidence);
        Assert.InRange(evidence, 100, 210);
        Assert.InRange(chance, 0.030, 0.045);

        const int requests = 2000;
        var decisions = Enumerable.Range(0, requests).Select(i => board.Request(Step($"t{i}")).Decision).ToList();

        var exploited = decisions.Where(d => !d.Reason.Contains("explored", StringComparison.Ordinal)).ToList();
        Assert.All(exploited, d => Assert.Equal("unlucky", d.AgentId));
        Assert.All(exploited, d => Assert.Matches(@"hybrid bound 0\.\d\d \(mean 0\.50, n [\d.]+\); score 0\.\d{3}$", d.Reason));
        Assert.All(decisions.Except(exploited), d => Assert.Contains($"explored (ε {chance:0.000} of 0.10 at evidence {evidence:0.#}", d.Reason, StringComparison.Ordinal));
        // A binomial's three standard deviations either side of the faded chance, which excludes both ε (200) and none.
        var expected = requests * chance;
        var spread = 3 * Math.Sqrt(requests * chance * (1 - chance));
        Assert.InRange(decisions.Count - exploited.Count, expected - spread, expected + spread);
    }

    [Fact]
    public void Hybrid_explores_at_the_full_epsilon_while_a_key_is_new_and_epsilon_greedy_always_does()
    {
        var hybrid = Policy(RoutingAlgorithm.Hybrid);
        Assert.Equal(0.1, AgentSelector.ExplorationChance(hybrid, 0));
        Assert.Equal(0.1, AgentSelector.ExplorationChance(hybrid, AgentSelector.ExplorationFadeEvidence));
        Assert.Equal(0.05, AgentSelector.ExplorationChance(hybrid, 80), 9);
        Assert.Equal(0.025, AgentSelector.ExplorationChance(hybrid, 320), 9);
        Assert.Equal(0.1, AgentSelector.ExplorationChance(Policy(RoutingAlgorithm.EpsilonGreedy), 320));

        // Three agents past warm-up with 5 outcomes each (evidence 15): hybrid explores at ε, as epsilon-greedy does.
        var fresh = Record(Record(Record(Board(hybrid, Profile("a"), Profile("b"), Profile("c")), "a", 3, 5), "b", 4, 5), "c", 2, 5);
        var explored = Enumerable.Range(0, 2000).Count(i => fresh.Request(Step($"t{i}")).Decision.Reason.Contains("explored (ε 0.10, ", StringComparison.Ordinal));
        Assert.InRange(explored, 200 - 40, 200 + 40);
    }

    [Fact]
    public void Learning_off_ranks_as_if_no_agent_had_a_record()
    {
        var off = new LearningPolicy(RoutingAlgorithm.Greedy, 0.01, 0.1, Enabled: false);
        var fresh = Board(off, Profile("a"), Profile("b") with { Role = new AgentRole("operational", [], ["sql"], 9) });
        var recorded = Record(Record(fresh, "a", 10, 10), "b", 0, 2);

        var ranked = AgentSelector.Rank(recorded.Agents.Values, Step("t1"), off, SelectionDraw.For("t1/s1", 0));
        var unranked = AgentSelector.Rank(fresh.Agents.Values, Step("t1"), off, SelectionDraw.For("t1/s1", 0));

        Assert.Equal(unranked.Select(r => (r.Agent.Id, r.Score)), ranked.Select(r => (r.Agent.Id, r.Score)));
        Assert.Equal("b", ranked[0].Agent.Id);
        Assert.All(ranked, r => Assert.Equal((SkillChoice.Off, AgentSelector.NeutralReputation), (r.Skill.Kind, r.Skill.Value)));
        Assert.Equal(SkillEstimate.Unknown, recorded.Agents["a"].SkillOf("sql"));
    }

    [Fact]
    public void Similar_task_evidence_can_overturn_the_record_and_is_named_in_the_reason()
    {
        var board = Record(Record(Board(Policy(RoutingAlgorithm.Greedy), Profile("a"), Profile("b")), "a", 16, 20), "b", 12, 20);
        IReadOnlyList<SimilarEvidence> evidence =
        [
            .. Enumerable.Range(0, 4).Select(i => new SimilarEvidence("b", 0.9, 1, T0)),
            .. Enumerable.Range(0, 3).Select(i => new SimilarEvidence("a", 0.8, 0, T0)),
        ];

        var (_, without) = board.Request(Step("t1"));
        var (_, with) = board.Request(Step("t1", evidence));

        Assert.Equal("a", without.AgentId);
        Assert.Equal("b", with.AgentId);
        Assert.Contains("similar 4✓ 0✗", with.Reason, StringComparison.Ordinal);
        // λ shrinks the record to a quarter for every candidate once the request carries any evidence.
        var record = board.Agents["b"].SkillOf("sql");
        var posterior = SkillPosterior.For(board.Agents["b"], Step("t1", evidence));
        Assert.Equal(1 + (0.25 * record.Successes) + (4 * 0.9), posterior.Alpha, 9);
        Assert.Equal(1 + (0.25 * record.Failures), posterior.Beta, 9);
    }

    [Fact]
    public void The_policy_sets_how_much_the_record_counts_beside_similar_tasks()
    {
        // a's record (16 of 20) outweighs b's 4 similar successes at λ = 1, but not at the default λ = 0.25.
        var policy = Policy(RoutingAlgorithm.Greedy);
        var board = Record(Record(Board(policy, Profile("a"), Profile("b")), "a", 16, 20), "b", 12, 20);
        IReadOnlyList<SimilarEvidence> evidence = [.. Enumerable.Range(0, 4).Select(i => new SimilarEvidence("b", 0.9, 1, T0))];

        var byDefault = board.Request(Step("t1", evidence)).Decision.AgentId;
        var fullRecord = board.Configure(policy with { GlobalShrink = 1 }).Request(Step("t1", evidence)).Decision.AgentId;

        Assert.Equal(SkillPosterior.GlobalShrink, policy.GlobalShrink);
        Assert.Equal("b", byDefault);
        Assert.Equal("a", fullRecord);
        var record = board.Agents["a"].SkillOf("sql");
        Assert.Equal(1 + (0.5 * record.Successes), SkillPosterior.For(board.Agents["a"], Step("t1", evidence), 0.5).Alpha, 9);
    }

    [Fact]
    public void A_record_strength_makes_the_record_a_prior_worth_that_many_outcomes()
    {
        // a's long record (90 of 100) beats b's even record plus 4 similar successes under λ; as a prior of 2 outcomes it does not.
        var policy = Policy(RoutingAlgorithm.Greedy);
        var board = Record(Record(Board(policy, Profile("a"), Profile("b")), "a", 90, 100), "b", 50, 100);
        IReadOnlyList<SimilarEvidence> evidence = [.. Enumerable.Range(0, 4).Select(i => new SimilarEvidence("b", 0.9, 1, T0))];

        var underShrink = board.Request(Step("t1", evidence)).Decision.AgentId;
        var underPrior = board.Configure(policy with { RecordStrength = 2 }).Request(Step("t1", evidence)).Decision.AgentId;

        Assert.Null(policy.RecordStrength);
        Assert.Equal("a", underShrink);
        Assert.Equal("b", underPrior);
        var record = board.Agents["b"].SkillOf("sql");
        var mean = (1 + record.Successes) / (2 + record.Successes + record.Failures);
        var posterior = SkillPosterior.For(board.Agents["b"], Step("t1", evidence), SkillPosterior.GlobalShrink, 2);
        Assert.Equal(1 + (2 * mean) + (4 * 0.9), posterior.Alpha, 9);
        Assert.Equal(1 + (2 * (1 - mean)), posterior.Beta, 9);
    }

    [Fact]
    public void Under_a_record_strength_an_agent_the_neighbours_do_not_know_keeps_a_wide_posterior_and_its_warm_up()
    {
        var board = Record(Record(Board(Policy(RoutingAlgorithm.Hybrid), Profile("known"), Profile("unknown")), "known", 60, 100), "unknown", 90, 100);
        IReadOnlyList<SimilarEvidence> evidence = [new SimilarEvidence("known", 0.5, 1, T0)];

        var unknown = SkillPosterior.For(board.Agents["unknown"], Step("t1", evidence), SkillPosterior.GlobalShrink, 2);
        var withoutEvidence = SkillPosterior.For(board.Agents["unknown"], Step("t1"), SkillPosterior.GlobalShrink, 2);

        // Two outcomes of prior beside the uniform one, however long the record: the spread of Beta(1 + 2μ, 1 + 2(1 − μ)).
        Assert.Equal(4, unknown.Alpha + unknown.Beta, 9);
        Assert.False(unknown.WarmingUp);
        // Without evidence m0 changes nothing: the record counts in full, as λ = 1 does.
        Assert.Equal(SkillPosterior.For(board.Agents["unknown"], Step("t1")), withoutEvidence);
        var newcomer = Board(Policy(RoutingAlgorithm.Hybrid), Profile("new"));
        Assert.True(SkillPosterior.For(newcomer.Agents["new"], Step("t1", evidence), SkillPosterior.GlobalShrink, 2).WarmingUp);
    }

    [Fact]
    public void Evidence_from_before_a_reset_is_ignored()
    {
        var board = Board(Policy(RoutingAlgorithm.Greedy), Profile("a")).ResetSkill("a", null, T0.AddHours(1));

        var posterior = SkillPosterior.For(board.Agents["a"], Step("t1", [new SimilarEvidence("a", 1, 0, T0), new SimilarEvidence("a", 1, 1, T0.AddHours(2))]));

        Assert.Equal((2.0, 1.0, 1, 0), (posterior.Alpha, posterior.Beta, posterior.SimilarSucceeded, posterior.SimilarFailed));
    }

    [Fact]
    public void Decisions_are_counted_by_kind()
    {
        var board = Record(Board(Policy(RoutingAlgorithm.Greedy), Profile("a"), Profile("b")), "a", 5, 5);

        var (after, _) = board.Request(Step("t1"));
        (after, _) = after.Request(Step("t2"));

        Assert.Equal(2, after.Routing!.Decisions[SkillChoice.WarmUp]);
        Assert.Equal(5, after.Routing.Updates["outcome"]);
    }
}
