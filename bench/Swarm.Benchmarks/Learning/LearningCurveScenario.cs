using System.Diagnostics;
using System.Globalization;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.Scenarios;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// Does routing learn (issue 15, docs/design/learning.md §9)? Simulated agents whose accuracy depends on a category the
/// router never sees take a sequence of tasks drawn from the labelled prompts, routed by each algorithm and two
/// baselines through the real dispatch board, skill model and task atlas (<see cref="RoutingRun"/>); the report gives
/// the learning curve against always choosing the best agent, the issue's goal as PASS or FAIL, a sweep of λ, and
/// precision at k of pattern recall on the labelled prompts. In process, no host, deterministic by its seeds.
/// </summary>
sealed class LearningCurveScenario(BenchmarkOptions options) : IScenario
{
    /// <summary>The issue's goal: after <see cref="RunTrace.Horizon"/> tasks, within this much accuracy of the best agent…</summary>
    const double GoalGap = 0.05;

    /// <summary>…with cumulative regret at most this share of random routing's.</summary>
    const double GoalRegretShare = 0.5;

    const int FirstSeed = 101;

    const int MovingWindow = 50;

    /// <summary>The reference the chart draws beside the variants.</summary>
    const string Reference = "greedy, category known";

    /// <summary>The named constants the bench may tune (docs/design/learning.md §10 step 5), each row hybrid with evidence.</summary>
    static readonly IReadOnlyList<(string Label, RoutingVariant Variant, RecallSettings Recall)> Tuning =
    [
        ("λ 0.1", RoutingVariant.HybridAt(0.1), RecallSettings.Default),
        ("λ 0.25 (default; k 20, min 0.25)", RoutingVariant.Main[5], RecallSettings.Default),
        ("λ 0.5", RoutingVariant.HybridAt(0.5), RecallSettings.Default),
        ("λ 1 (the record in full)", RoutingVariant.HybridAt(1), RecallSettings.Default),
        ("k 40, min 0.05", RoutingVariant.Main[5], new RecallSettings(40, 0.05)),
        ("k 40, min 0.02", RoutingVariant.Main[5], new RecallSettings(40, 0.02)),
        ("k 40, min 0.02, every neighbour weighs 1 (experiment)", RoutingVariant.Main[5], new RecallSettings(40, 0.02, EvidenceWeight: 1)),
        ("m0 2 (record as a prior of 2 outcomes)", RoutingVariant.HybridWithRecordOf(2), RecallSettings.Default),
        ("m0 8", RoutingVariant.HybridWithRecordOf(8), RecallSettings.Default),
        ("m0 25", RoutingVariant.HybridWithRecordOf(25), RecallSettings.Default),
        ("m0 2, k 40, min 0.05", RoutingVariant.HybridWithRecordOf(2), new RecallSettings(40, 0.05)),
        ("m0 2, k 40, min 0.02", RoutingVariant.HybridWithRecordOf(2), new RecallSettings(40, 0.02)),
        ("m0 2, k 40, min 0.02, every neighbour weighs 1 (experiment)", RoutingVariant.HybridWithRecordOf(2), new RecallSettings(40, 0.02, EvidenceWeight: 1)),
        ("m0 8, k 40, min 0.02, every neighbour weighs 1 (experiment)", RoutingVariant.HybridWithRecordOf(8), new RecallSettings(40, 0.02, EvidenceWeight: 1)),
        ("m0 2, k 100, min 0.02, every neighbour weighs 1 (experiment)", RoutingVariant.HybridWithRecordOf(2), new RecallSettings(100, 0.02, EvidenceWeight: 1)),
    ];

    /// <summary>Hybrid with embeddings at wider recall: meaning finds more of a task's category than words do.</summary>
    static readonly IReadOnlyList<(string Label, RecallSettings Recall)> EmbeddingRecallSweep =
    [
        ("hybrid, embeddings, k 40, min 0.1", new RecallSettings(40, 0.1)),
        ("hybrid, embeddings, k 40, min 0.1, every neighbour weighs 1 (experiment)", new RecallSettings(40, 0.1, EvidenceWeight: 1)),
    ];

    public string Name => "learning";

    public string Title => "Learning: does routing find the right agent? (a simulation through the real routing code)";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var prompts = LabelledPrompts.Load();
        var panel = new SimulatedPanel(prompts, options.LearningTasks / 2);
        var streams = Enumerable.Range(FirstSeed, options.LearningSeeds).Select(s => new TaskStream(prompts, s, options.LearningTasks)).ToList();
        var clock = Stopwatch.StartNew();
        var cpu = CpuWindow.Start(("benchmark", Environment.ProcessId));

        Progress.Write($"{Name}: embedding the tasks' prompts and the labelled set with the built-in model (minilm)");
        using var vectors = new TaskVectors();
        foreach (var stream in streams)
        {
            await vectors.AddAsync(stream.Tasks.Select(t => t.Prompt), cancellationToken);
        }

        await vectors.AddAsync(prompts.All.Select(p => p.Prompt), cancellationToken);

        var byVariant = new Dictionary<string, IReadOnlyList<RunTrace>>(StringComparer.Ordinal);
        foreach (var variant in RoutingVariant.Main.Concat(RoutingVariant.References).Concat(RoutingVariant.Sharded).Concat(RoutingVariant.WithEmbeddings).Concat(RoutingVariant.PatternKeys))
        {
            byVariant[variant.Name] = await RunAllAsync(variant, panel, streams, RecallSettings.Default, cancellationToken, vectors);
        }

        var meaningTuning = new List<(string Label, IReadOnlyList<RunTrace> Runs)>();
        var patternSweep = new List<(string Label, IReadOnlyList<RunTrace> Runs)>();
        foreach (var (label, recall) in EmbeddingRecallSweep)
        {
            meaningTuning.Add((label, await RunAllAsync(RoutingVariant.WithEmbeddings[3], panel, streams, recall, cancellationToken, vectors)));
        }

        foreach (var slower in TaskRateVariants.SelectMany(SlowerTwins))
        {
            byVariant[slower.Name] = await RunAllAsync(slower, panel, streams, RecallSettings.Default, cancellationToken, vectors);
        }

        foreach (var threshold in new[] { 0.1, 0.2 })
        {
            var variant = RoutingVariant.UcbPatternsAt(threshold);
            patternSweep.Add((variant.Name, await RunAllAsync(variant, panel, streams, RecallSettings.Default, cancellationToken, vectors)));
        }

        var tuning = new List<(string Label, IReadOnlyList<RunTrace> Runs)>();
        foreach (var (label, variant, recall) in Tuning)
        {
            tuning.Add((label, variant == RoutingVariant.Main[5] && recall == RecallSettings.Default
                ? byVariant[variant.Name]
                : await RunAllAsync(variant, panel, streams, recall, cancellationToken)));
        }

        Progress.Write($"{Name}: precision at k on the labelled prompts");
        var precision = await Task.Run(() => PrecisionAtK.Measure(prompts, vectors), cancellationToken);
        var usage = cpu.Stop();
        var elapsed = clock.Elapsed;
        var runCount = byVariant.Values.Sum(r => r.Count) + meaningTuning.Concat(patternSweep).Sum(t => t.Runs.Count) + tuning.Where(t => !ReferenceEquals(t.Runs, byVariant[RoutingVariant.Main[5].Name])).Sum(t => t.Runs.Count);

        var random = byVariant[RoutingVariant.Random.Name];
        WriteSetup(report, panel, streams);
        WriteGoalTable(report, byVariant, random);
        WriteSharded(report, byVariant, panel, random);
        WriteLateJoiner(report, byVariant, panel);
        WriteTuning(report, tuning, random);
        WriteEmbeddings(report, byVariant, meaningTuning, patternSweep, random, vectors);
        WriteGapSources(report, byVariant, patternSweep);
        WriteTaskRates(report, byVariant, random);
        WritePrecision(report, precision);
        var chart = await WriteChartAsync(byVariant, cancellationToken);
        report.Paragraph($"The learning curve (mean of the {streams.Count} seeds) is written to `{Path.GetRelativePath(RepositoryLayout.Root, chart)}`.");
        WriteWhatRan(report, runCount, elapsed, usage, vectors);
    }

    async Task<IReadOnlyList<RunTrace>> RunAllAsync(RoutingVariant variant, SimulatedPanel panel, List<TaskStream> streams, RecallSettings recall, CancellationToken cancellationToken, TaskVectors? vectors = null)
    {
        Progress.Write($"{Name}: {variant.Name}, {streams.Count} seeds of {options.LearningTasks} tasks");
        // Seeds are independent, so two run at once (the machine has 2 cores); the results keep the seeds' order.
        var runs = new RunTrace[streams.Count];
        await Parallel.ForAsync(0, streams.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, (i, _) =>
        {
            runs[i] = RoutingRun.Run(variant, panel, streams[i], recall, vectors);
            return ValueTask.CompletedTask;
        });
        return runs;
    }

    void WriteSetup(MarkdownReport report, SimulatedPanel panel, List<TaskStream> streams)
    {
        report.Paragraph(
            "**A simulation: the agents' outcomes are draws against hidden accuracies, not model calls.** Everything else a task meets on its way to an agent is the swarm's own code, "
            + "in this process, without a host: the dispatch board, its ranking and its learning, and pattern recall over the task atlas. Deterministic by its seeds.");
        report.Bullets(
        [
            $"Agents: 7 workers, each with the one capability `{SimulatedPanel.Capability}`, one seat, the same type and role priority, so only learned skill separates them. Hidden accuracy: "
                + string.Join("; ", panel.Describe()) + ".",
            $"Tasks: {Units.Count(options.LearningTasks)} in sequence per seed, seeds {FirstSeed} to {FirstSeed + streams.Count - 1}. Each: a category drawn uniformly, a prompt of that category from "
                + "`tests/Shared/Patterns/labelled-prompts.tsv` (5 categories × 40) with each word dropped with probability 0.2, and one uniform draw u: the chosen agent succeeds when u < its accuracy. "
                + "Every variant meets the same tasks and the same draws for a seed (common random numbers), so differences between rows are the routing's, not luck's.",
            "Each task: `DispatchBoard.Request` (a step needing `analysis`, priority 5), then `DispatchBoard.Release` with the outcome (an `outcome` skill signal), then `TaskAtlas.Add` with the task's fingerprint "
                + "(`PromptTerms`, one `StepTrace`). A variant with evidence first asks the atlas (`TaskAtlas.Similar`, k = "
                + $"{RecallSettings.Default.Neighbours}, minimum similarity {RecallSettings.Default.MinSimilarity:0.00}, the settings' defaults) and passes `SimilarTasks.EvidenceFor` of the neighbours as `SeatRequest.Evidence`. "
                + "The router never sees the category.",
            "Policy: the settings' defaults, learning rate η 0.01 and exploration ε 0.1, λ 0.25 (`SkillPosterior.GlobalShrink`), warm-up until an agent's record for the key has taken 4 signals (`SkillPosterior.WarmUpSignals`), ended after its first when even its 90 % upper bound is under the best mean of an agent done warming up (`SkillPosterior.WarmsUpAgainst`). "
                + "Random and round-robin pick among the agents `AgentSelector.Fits` lets through and name their pick in the request (`SeatRequest.Agent`), so their seats and releases go through the board like the others'.",
            "The learning pass (`DispatchBoard.Relax`, as `LearningJob` runs it) at every time its default schedule (`LearningSchedule` `15 */15 * * * *`) names on the bench's clock, "
                + "which gives each task a minute: 67 passes a run. A pass fades the records of a key that some agent was taught since the last one and this agent was not.",
            "Self-healing is played by the bench: an agent made unhealthy by 3 failures in a row (common at 55 %) is reinstated at once (`DispatchBoard.Reinstate`), where the swarm's health job would wait out a probation.",
            $"Measures: the chosen agent's hidden accuracy (expected accuracy; the realised success rate is shown too), the best present agent's (the oracle: 0.90, and 0.95 for {panel.LateJoinerCategory} once `{SimulatedPanel.LateJoiner}` is there), "
                + "and the cumulative pseudo-regret Σ (p_best − p_chosen). Cells are the mean over the seeds, with min–max in brackets.",
        ]);
    }

    void WriteGoalTable(MarkdownReport report, Dictionary<string, IReadOnlyList<RunTrace>> byVariant, IReadOnlyList<RunTrace> random)
    {
        var total = options.LearningTasks;
        report.Heading(3, "The goal: within 5 points of the best agent after 300 tasks, with at most half of random's regret");
        var rows = RoutingVariant.Main.Concat(RoutingVariant.References).Select(v => Row(v.IsReference ? $"*{v.Name} (reference)*" : v.Name, byVariant[v.Name], random)).ToList();
        report.Table(
            ["Variant", $"Accuracy 1–{RunTrace.Horizon}", $"Accuracy {RunTrace.Horizon + 1}–{Units.Count(total)}", $"Oracle {RunTrace.Horizon + 1}–{Units.Count(total)}", "Gap (points)",
                $"Realised {RunTrace.Horizon + 1}–{Units.Count(total)}", $"Regret @{Units.Count(total)}", "÷ random's", "Goal"],
            rows);
        report.Paragraph(
            "Gap: oracle minus accuracy over the tasks after the first 300, in percentage points (the goal: at most 5). ÷ random's: the run's regret over random routing's on the same seed "
            + "(the goal: at most 0.5). **Goal** judges the means, and says on how many seeds both held. "
            + "The *category known* rows are references, not ways the swarm routes: each step names its hidden category as its capability, so the board keeps a record per category "
            + "and no recall is needed. They show what the same selection and learning code reaches when the context is a key, and so how much the recall path loses. "
            + "The *prompt known* rows name the task's source prompt instead (200 keys): lexical recall here finds almost only repeats of the same prompt (the neighbours per task and their category in the next table), "
            + "so these rows bound what routing on such neighbours can reach: with 200 contexts and 7 agents, a thousand tasks do not even finish the warm-up of 4 outcomes per agent and key. "
            + "Between the two lies the goal: the category must be recovered from the prompt's words, and even when it is known exactly only greedy with its per-key warm-up meets the goal.");
    }

    static IReadOnlyList<string> Row(string name, IReadOnlyList<RunTrace> runs, IReadOnlyList<RunTrace> random)
    {
        var ratios = runs.Select(r => r.Regret / random.Single(x => x.Seed == r.Seed).Regret).ToList();
        var gaps = runs.Select(r => r.GapAfter).ToList();
        var passed = runs.Where((r, i) => gaps[i] <= GoalGap && ratios[i] <= GoalRegretShare).Count();
        var pass = gaps.Average() <= GoalGap && ratios.Average() <= GoalRegretShare;
        var verdict = (pass ? "**PASS**" : "**FAIL**") + $" ({passed}/{runs.Count} seeds)";
        if (!pass)
        {
            var misses = new List<string>();
            if (gaps.Average() > GoalGap)
            {
                misses.Add($"gap {Points(gaps.Average() - GoalGap)} over");
            }

            if (ratios.Average() > GoalRegretShare)
            {
                misses.Add($"regret ×{ratios.Average() / GoalRegretShare:0.00} the limit");
            }

            verdict += ": " + string.Join(", ", misses);
        }

        return
        [
            name,
            Spread(runs.Select(r => r.AccuracyBefore), Share),
            Spread(runs.Select(r => r.AccuracyAfter), Share),
            Spread(runs.Select(r => r.OracleAfter), Share),
            Spread(gaps, Points),
            Spread(runs.Select(r => r.RealisedAfter), Share),
            Spread(runs.Select(r => r.Regret), v => v.ToString("0.0", CultureInfo.InvariantCulture)),
            name == RoutingVariant.Random.Name ? "1" : Spread(ratios, v => v.ToString("0.00", CultureInfo.InvariantCulture)),
            verdict,
        ];
    }

    /// <summary>The sharded rows beside their one-board twins: whether the propose/claim round keeps the swarm-wide choice.</summary>
    static void WriteSharded(MarkdownReport report, Dictionary<string, IReadOnlyList<RunTrace>> byVariant, SimulatedPanel panel, IReadOnlyList<RunTrace> random)
    {
        report.Heading(3, "The board in three shards (`dispatch:shards` 3): propose/claim keeps the swarm-wide choice");
        var placed = panel.Founders.Append(SimulatedPanel.LateJoiner).GroupBy(a => ShardPlacement.Of(a, 3)).OrderBy(g => g.Key)
            .Select(g => $"shard {g.Key}: {string.Join(", ", g.Order(StringComparer.Ordinal))}");
        var pairs = RoutingVariant.Sharded.Select(v => (One: v.Name.Replace(", 3 shards", string.Empty, StringComparison.Ordinal), Sharded: v)).ToList();
        report.Table(
            ["Variant", $"Accuracy 1–{RunTrace.Horizon}", $"Accuracy {RunTrace.Horizon + 1}–", $"Oracle {RunTrace.Horizon + 1}–", "Gap (points)", $"Realised {RunTrace.Horizon + 1}–", "Regret", "÷ random's", "Goal"],
            pairs.SelectMany(p => new[] { Row(p.One, byVariant[p.One], random), Row(p.Sharded.Name, byVariant[p.Sharded.Name], random) }).ToList());
        report.Paragraph(
            "Each agent lives on the shard its id places it on (" + string.Join("; ", placed) + "); a task asks every shard for the agent it would grant and its score "
            + "(`DispatchBoard.Propose`, with the request's swarm draw, the same on every shard), then claims on the best proposal (`ShardProposals.ClaimOrder`, "
            + "`DispatchBoard.Claim`), as `ShardedSeatRequest` does. Greedy draws nothing, so its sharded rows equal their twins exactly; Thompson and hybrid draw "
            + "with the swarm draw (seeded by the holder alone) instead of one board's (the holder and the board's grant count), the same distribution with other numbers.");
    }

    void WriteLateJoiner(MarkdownReport report, Dictionary<string, IReadOnlyList<RunTrace>> byVariant, SimulatedPanel panel)
    {
        var from = Math.Min(options.LearningTasks - 1, panel.LateJoinAt + 100);
        report.Heading(3, $"A better agent arrives: `{SimulatedPanel.LateJoiner}` joins before task {panel.LateJoinAt + 1}");
        report.Table(
            ["Variant", "Tasks until it is first chosen", $"Its share of {panel.LateJoinerCategory} tasks after task {from}", "Requests with evidence", "Neighbours per task", "Neighbours of the task's category", "Seat decisions by kind (all seeds)", "Reinstated"],
            RoutingVariant.Main.Select(v =>
            {
                var runs = byVariant[v.Name];
                var first = runs.Select(r => r.LateJoinerFirstChosen(panel.LateJoinAt)).ToList();
                var decisions = runs.SelectMany(r => r.Routing.Decisions).GroupBy(d => d.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} {Units.Count(g.Sum(d => d.Value))}");
                return (IReadOnlyList<string>)
                [
                    v.Name,
                    first.All(f => f is not null) ? Spread(first.Select(f => (double)f!.Value), n => n.ToString("0", CultureInfo.InvariantCulture)) : $"never on {first.Count(f => f is null)} seeds",
                    Spread(runs.Select(r => r.LateJoinerShare(panel.LateJoinerCategory, from)), Share),
                    Spread(runs.Select(r => (double)r.WithEvidence), n => n.ToString("0", CultureInfo.InvariantCulture)),
                    v.UsesEvidence ? Spread(runs.Select(r => r.MeanNeighbours), n => n.ToString("0.0", CultureInfo.InvariantCulture)) : "–",
                    v.UsesEvidence ? Spread(runs.Select(r => r.NeighbourPrecision), Share) : "–",
                    string.Join(", ", decisions),
                    Spread(runs.Select(r => (double)r.Reinstated), n => n.ToString("0", CultureInfo.InvariantCulture)),
                ];
            }));
        report.Paragraph(
            "Baselines name their agent, so their seats are counted under whatever the board's own ranking thought of the named agent (the name decides, not the value). "
            + "Warm-up: a newcomer ranks first under every algorithm until its record for the key has taken 4 signals (or, after its first, until even its 90 % bound is under the best known agent's mean), so it is tried at once.");
    }

    static void WriteTuning(MarkdownReport report, IReadOnlyList<(string Label, IReadOnlyList<RunTrace> Runs)> tuning, IReadOnlyList<RunTrace> random)
    {
        report.Heading(3, "The named constants: λ (or the record as a prior of m0 outcomes), k and the minimum similarity (hybrid with evidence)");
        report.Table(
            ["Hybrid with", $"Accuracy 1–{RunTrace.Horizon}", "Accuracy after", "Oracle after", "Gap (points)", "Realised after", "Regret", "÷ random's", "Goal", "Neighbours per task", "Of its category"],
            tuning.Select(t => (IReadOnlyList<string>)
            [
                .. Row(t.Label, t.Runs, random),
                Spread(t.Runs.Select(r => r.MeanNeighbours), n => n.ToString("0.0", CultureInfo.InvariantCulture)),
                Spread(t.Runs.Select(r => r.NeighbourPrecision), Share),
            ]));
        report.Paragraph(
            "λ multiplies the agent's record for the request's keys when the request carries evidence (α = 1 + λ·S̄ + Σ s·y, β = 1 + λ·F̄ + Σ s·(1 − y)). At λ 1 the record counts in full "
            + "beside the neighbours; at small λ the neighbours decide, and so does their noise. k and the minimum similarity decide how many neighbours a task recalls "
            + "(`learning:patterns:neighbours`, `learning:patterns:minSimilarity`). The last row is an experiment outside the swarm's rule: every neighbour counts as a whole outcome "
            + "instead of its cosine, to see whether weak weights are what holds recall back. "
            + "The m0 rows replace λ with the record as a prior of bounded strength (`LearningPolicy.RecordStrength`, not a setting and not the default): "
            + "α = 1 + m0·μ + Σ s·y, β = 1 + m0·(1 − μ) + Σ s·(1 − y), μ = (1 + S̄)/(2 + S̄ + F̄), so local evidence decides and an agent the neighbours say nothing of keeps a wide posterior. "
            + "k 100 cannot recall more than the neighbours that share a weighted word (about 23 at min 0.02), and a request carries at most 40 evidence entries (`SimilarTasks.MaxEvidence`).");
    }

    static void WritePrecision(MarkdownReport report, IReadOnlyList<(string Ranker, IReadOnlyList<double> Precision)> precision)
    {
        report.Heading(3, "Pattern recall: precision at k on the labelled prompts");
        report.Paragraph("Leave-one-out over the 200 labelled prompts: each asks among the other 199 for its k nearest; precision is the share of them in its category (39 of 199 are). "
            + "A ranker that returns fewer than k (word overlap, when fewer prompts share a word) is counted as missing the rest.");
        report.Table(
            ["Ranker", .. PrecisionAtK.Ks.Select(k => $"P@{k}")],
            [.. precision.Select(p => (IReadOnlyList<string>)[p.Ranker, .. p.Precision.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture))]),
                ["Random, expected", .. PrecisionAtK.Ks.Select(_ => (39 / 199.0).ToString("0.000", CultureInfo.InvariantCulture))]]);
        report.Paragraph("The embedding rows use the built-in model (`learning:embeddings:provider` `minilm`: all-MiniLM-L6-v2 in process, vectors cut to the default 256 components and stored "
            + "as `QuantizedEmbedding`), scored by `TextSimilarity` as recall scores them: cosine alone, and 0.5 × words + 0.5 × meaning when both carry a vector (the swarm's rule).");
    }

    async Task<string> WriteChartAsync(Dictionary<string, IReadOnlyList<RunTrace>> byVariant, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.ChartPath ?? Path.Combine(RepositoryLayout.Root, "docs", "benchmarks", "learning-curve.svg"));
        var oracle = Mean(byVariant[RoutingVariant.Random.Name].Select(r => (IReadOnlyList<double>)[.. r.Tasks.Select(t => t.Best)]));
        var accuracy = RoutingVariant.Main
            .Select(v => new ChartSeries(v.Name, Moving(Mean(byVariant[v.Name].Select(r => (IReadOnlyList<double>)[.. r.Tasks.Select(t => t.Accuracy)]))), v.Colour))
            .Append(new ChartSeries("greedy, category known", Moving(Mean(byVariant[Reference].Select(r => (IReadOnlyList<double>)[.. r.Tasks.Select(t => t.Accuracy)]))), "#17becf", Dashed: true))
            .Append(new ChartSeries("oracle", Moving(oracle), "#000000", Dashed: true))
            .ToList();
        var regret = RoutingVariant.Main
            .Select(v => new ChartSeries(v.Name, Mean(byVariant[v.Name].Select(r => r.CumulativeRegret())), v.Colour))
            .Append(new ChartSeries("greedy, category known", Mean(byVariant[Reference].Select(r => r.CumulativeRegret())), "#17becf", Dashed: true))
            .ToList();
        var svg = SvgChart.Render(
            $"Learning curve: {byVariant.First().Value.Count} seeds, {Units.Count(options.LearningTasks)} tasks each ({SimulatedPanel.LateJoiner} joins at {options.LearningTasks / 2 + 1})",
            "task",
            [
                new ChartPanel($"Accuracy of the chosen agent (moving mean over {MovingWindow} tasks)", "expected accuracy", accuracy, 0.5, 1.0),
                new ChartPanel("Cumulative regret Σ (p_best − p_chosen)", "regret", regret, 0),
            ]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, svg, cancellationToken);
        Progress.Write($"{Name}: chart written to {path}");
        return path;
    }

    static void WriteEmbeddings(MarkdownReport report, Dictionary<string, IReadOnlyList<RunTrace>> byVariant, IReadOnlyList<(string Label, IReadOnlyList<RunTrace> Runs)> recallSweep, IReadOnlyList<(string Label, IReadOnlyList<RunTrace> Runs)> patternSweep, IReadOnlyList<RunTrace> random, TaskVectors vectors)
    {
        report.Heading(3, "Recall by meaning (the built-in embedding model), and pattern keys");
        IReadOnlyList<(string Label, IReadOnlyList<RunTrace> Runs)> shown =
        [
            .. RoutingVariant.WithEmbeddings.Select(v => (v.Name, byVariant[v.Name])),
            .. recallSweep,
            .. RoutingVariant.PatternKeys.Select(v => (v.Name, byVariant[v.Name])),
            .. patternSweep,
        ];
        var rows = shown
            .Select(t => t.Runs.All(r => r.WithEvidence == 0)
                ? (IReadOnlyList<string>)[.. Row(t.Label, t.Runs, random), "–", "–"]
                : [.. Row(t.Label, t.Runs, random), Spread(t.Runs.Select(r => r.MeanNeighbours), v => v.ToString("0.0", CultureInfo.InvariantCulture)), Spread(t.Runs.Select(r => r.NeighbourPrecision), Share)])
            .ToList();
        report.Table(
            ["Variant", $"Accuracy 1–{RunTrace.Horizon}", $"Accuracy {RunTrace.Horizon + 1}–", $"Oracle {RunTrace.Horizon + 1}–", "Gap (points)", $"Realised {RunTrace.Horizon + 1}–", "Regret", "÷ random's", "Goal", "Neighbours per task", "Of its category"],
            rows);
        report.Paragraph(
            $"With `learning:embeddings:provider` `minilm` every fingerprint and query carries its prompt's vector ({Units.Count(vectors.Embedded)} distinct texts embedded in {Units.Seconds(vectors.EmbeddingTime)} on this machine, "
            + "in batches of 64), and recall scores 0.5 × words + 0.5 × meaning. The *pattern keys* rows are the swarm's `learning:patterns:keys` (on by default when embeddings are on): "
            + "the atlas names the pattern whose centroid is nearest the prompt's vector when its cosine is at least the key similarity (`TaskAtlas.PatternOf`), the request and the release carry its key "
            + "(`SeatRequest.Pattern`, `SeatRelease.Pattern`), the board ranks by the agents' records for that pattern alone and warms up per pattern, and the finished task joins the pattern or starts one "
            + "(`TaskAtlas.Add` with `PatternClustering`); no similar-task evidence. A task whose prompt is like no pattern yet is routed by the capability record. "
            + $"At cosine {PatternClustering.DefaultSimilarity:0.##} (the default) a thousand tasks formed {Spread(byVariant[RoutingVariant.PatternKeys[0].Name].Select(r => (double)r.Keys - 1), v => v.ToString("0", CultureInfo.InvariantCulture))} patterns for 5 categories, "
            + $"{Spread(byVariant[RoutingVariant.PatternKeys[0].Name].Select(r => r.KeyPurity), Share)} of tasks under a key whose most common category is theirs (the capability key of the unrecognised counted as one); "
            + string.Join("; ", patternSweep.Select(t => $"{t.Label}: {Spread(t.Runs.Select(r => (double)r.Keys - 1), v => v.ToString("0", CultureInfo.InvariantCulture))} patterns, purity {Spread(t.Runs.Select(r => r.KeyPurity), Share)}"))
            + ". Every pattern is a key each agent must be tried on (warm-up, 4 outcomes), so a pattern split in two pays warm-up again, and a mixed one routes some of its tasks to the wrong specialist. "
            + "`ucb` (the posterior's one-sided 90 % upper bound) retries an agent whose few outcomes were unlucky while its bound is above the leader's; greedy keeps to whichever agent looked best after warm-up.");
    }

    /// <summary>The bench's clock gives each task a minute; these rows give each 15 and 60 (a pass per task, four per task).</summary>
    static readonly IReadOnlyList<int> TaskRateMinutes = [15, 60];

    static IEnumerable<RoutingVariant> TaskRateVariants =>
        [RoutingVariant.PatternKeys[4], RoutingVariant.CategoryKnown[4], RoutingVariant.PatternKeys[0], RoutingVariant.CategoryKnown[0]];

    /// <summary>The variant at each of <see cref="TaskRateMinutes"/>, named by its rate.</summary>
    static IEnumerable<RoutingVariant> SlowerTwins(RoutingVariant variant) =>
        TaskRateMinutes.Select(minutes => variant with { Name = $"{variant.Name}, a task every {minutes} minutes", MinutesPerTask = minutes });

    static void WriteTaskRates(MarkdownReport report, Dictionary<string, IReadOnlyList<RunTrace>> byVariant, IReadOnlyList<RunTrace> random)
    {
        report.Heading(3, "With the learning pass, at slower task rates: a record fades with its key's work, not with the clock");
        var rows = TaskRateVariants.SelectMany(v => (IEnumerable<RoutingVariant>)[v, .. SlowerTwins(v)])
            .Select(v => Row(v.IsReference ? $"*{v.Name} (reference)*" : v.Name, byVariant[v.Name], random))
            .ToList();
        report.Table(
            ["Variant", $"Accuracy 1–{RunTrace.Horizon}", $"Accuracy {RunTrace.Horizon + 1}–", $"Oracle {RunTrace.Horizon + 1}–", "Gap (points)", $"Realised {RunTrace.Horizon + 1}–", "Regret", "÷ random's", "Goal"],
            rows);
        report.Paragraph(
            "The same tasks and draws, with a task every minute (the rows above), every 15 minutes (one pass per task) and every 60 (four passes per task). "
            + "A pass fades the records of a key some agent was taught since the previous pass and this agent was not, so a swarm that gets a task an hour does not forget, "
            + "between tasks, what it learnt from them. Before 2026-12-07 every pass faded every record no signal had confirmed, and warm-up read the faded evidence: "
            + "docs/design/learning.md §2.5 has what that cost.");
    }

    static void WriteGapSources(MarkdownReport report, Dictionary<string, IReadOnlyList<RunTrace>> byVariant, IReadOnlyList<(string Label, IReadOnlyList<RunTrace> Runs)> patternSweep)
    {
        report.Heading(3, $"Where the gap after {RunTrace.Horizon} tasks comes from (pattern keys, and the category known for reference)");
        IEnumerable<(string Label, IReadOnlyList<RunTrace> Runs)> shown =
        [
            .. RoutingVariant.PatternKeys.Select(v => (v.Name, byVariant[v.Name])),
            .. patternSweep,
            .. RoutingVariant.CategoryKnown.Where(v => v.Policy.Algorithm is RoutingAlgorithm.Greedy or RoutingAlgorithm.Ucb).Select(v => ($"*{v.Name} (reference)*", byVariant[v.Name])),
        ];
        string Source(IReadOnlyList<RunTrace> runs, GapSource source) => Spread(runs.Select(r => r.GapSources()[source]), Points);
        report.Table(
            ["Variant", "Gap (points)", "Not recognised", "In a mixed pattern", "Warm-up", "The learned choice", $"Warm-up grants after {RunTrace.Horizon}", "… to the late joiner"],
            [.. shown.Select(t => (IReadOnlyList<string>)
            [
                t.Label, Spread(t.Runs.Select(r => r.GapAfter), Points),
                Source(t.Runs, GapSource.Unrecognised), Source(t.Runs, GapSource.MixedKey), Source(t.Runs, GapSource.WarmUp), Source(t.Runs, GapSource.LearnedChoice),
                Spread(t.Runs.Select(r => (double)r.WarmUpsAfter.All), v => v.ToString("0", CultureInfo.InvariantCulture)),
                Spread(t.Runs.Select(r => (double)r.WarmUpsAfter.LateJoiner), v => v.ToString("0", CultureInfo.InvariantCulture)),
            ])]);
        report.Paragraph(
            $"Each task after the first {RunTrace.Horizon} counts its regret (p_best − p_chosen) under one source, divided by the tasks after {RunTrace.Horizon}, so a row's sources add up to its gap "
            + "(the means of each, over the seeds, add up to the mean gap). In order: *not recognised*, routed by the capability record because no pattern was near its prompt; "
            + "*in a mixed pattern*, its key's most common category over the whole run is another (judged with hindsight); *warm-up*, the board gave a warm-up grant "
            + "(an agent with under 4 outcomes on the key being tried: every agent on a new pattern, and the late joiner on every key); *the learned choice*, the rest "
            + "(exploiting, sampling or exploring on a pure key). The decision's kind is the one the board's routing counts (`RoutingCounts.Decisions`) moved for the grant. "
            + "With the category known there is nothing to recognise and no key is mixed, so what is left there is warm-up and the learned choice: what the recall path adds "
            + "is the rest, and the warm-up that splitting a category into several patterns repeats.");
    }

    void WriteWhatRan(MarkdownReport report, int runs, TimeSpan elapsed, CpuUsage usage, TaskVectors vectors)
    {
        report.Heading(3, "What ran for real, and what bounds these numbers");
        report.Bullets(
        [
            "Ran, unchanged: `DispatchBoard.Register`, `Configure`, `Request`, `Release` (its `outcome` signal through `Learn`'s path to `SkillEstimate`), `Reinstate`, `Relax` (the learning pass, on its default schedule); "
                + "`AgentSelector.Rank` and `Fits`; `SkillPosterior`; `SelectionDraw` and `BetaSampler`; `RoutingCounts`; `PromptTerms`, `TaskAtlas.Add` and `Similar`, `LexicalIndex`, "
                + "`SimilarTasks.Rank` and `EvidenceFor`. The word-overlap row of the precision table restates the rule memory search had before it moved to TF-IDF (the domain no longer has it).",
            "Not run: the dispatcher entity and durable runtime, orchestrations, storage, model calls (outcomes are Bernoulli draws), `StrategyChoice` (every task is one step), "
                + "feedback, consensus signals, lessons, `EmbedTextActivity` (the bench embeds each distinct text once, through the same generator), "
                + "and the health job's probation (played as an immediate reinstatement).",
            $"Embeddings ran for real: `EmbeddingGenerators.Create` for `minilm` (`MiniLmEmbeddingGenerator`, all-MiniLM-L6-v2 on ONNX Runtime, in this process, under `DimensionLimitedEmbeddingGenerator` at {vectors.Dimensions}), "
                + "`QuantizedEmbedding`, `TextSimilarity`, and for the pattern-key rows `TaskAtlas.PatternOf`, `TaskAtlas.Add` with `PatternClustering`, `TaskPattern`, `PatternKey`.",
            "The λ sweep sets `LearningPolicy.GlobalShrink`, a policy property that defaults to `SkillPosterior.GlobalShrink` (0.25); it was added for this sweep and is not a setting.",
            "Tasks run one at a time, so every agent is free at every request and the 0.25 × free capacity term of the score never separates them; under concurrent load it can outweigh skill differences below about 0.18 "
                + "(docs/design/learning.md §11), which this bench does not show.",
            "The categories are separable by vocabulary and more so by meaning (P@5 above), and each agent's accuracy depends on the category alone: real work is messier on both counts.",
            $"Cost: {Units.Count(runs)} runs of {Units.Count(options.LearningTasks)} tasks and the precision table took {Units.Seconds(elapsed)} ({Units.Cpu(usage)}).",
        ]);
    }

    static IReadOnlyList<double> Mean(IEnumerable<IReadOnlyList<double>> series)
    {
        var all = series.ToList();
        return [.. Enumerable.Range(0, all[0].Count).Select(i => all.Average(s => s[i]))];
    }

    static IReadOnlyList<double> Moving(IReadOnlyList<double> values) =>
        [.. values.Select((_, i) => values.Skip(Math.Max(0, i - MovingWindow + 1)).Take(Math.Min(i + 1, MovingWindow)).Average())];

    static string Spread(IEnumerable<double> values, Func<double, string> format)
    {
        var list = values.ToList();
        return list.Count == 1 ? format(list[0]) : $"{format(list.Average())} ({format(list.Min())}–{format(list.Max())})";
    }

    static string Share(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    static string Points(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture);
}
