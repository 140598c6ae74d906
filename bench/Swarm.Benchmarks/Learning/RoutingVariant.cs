using Swarm.Domain.Learning;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// One way of routing the bench's tasks: a baseline that picks among the fitting agents itself (random, round-robin) and
/// names the pick in its seat request, or a learning algorithm the board's <see cref="LearningPolicy"/> runs, with or
/// without similar-task evidence from the atlas.
/// </summary>
/// <param name="Name">As the tables and the chart name it.</param>
/// <param name="Baseline">For a baseline, how it picks; null for a learning algorithm.</param>
/// <param name="Policy">The board's policy (a baseline's board learns too, under the default, but its picks ignore it).</param>
/// <param name="UsesEvidence">Whether each request carries similar-task evidence (<c>TaskAtlas.Similar</c>, <c>SimilarTasks.EvidenceFor</c>).</param>
/// <param name="Colour">Its line in the chart.</param>
/// <param name="CategoryAsCapability">A reference, not a way the swarm routes: each step names its hidden category as its capability (every agent has all of them), so the board's record per key is per category and no recall is needed.</param>
sealed record RoutingVariant(string Name, BaselinePick? Baseline, LearningPolicy Policy, bool UsesEvidence, string Colour, bool CategoryAsCapability = false)
{
    /// <summary>The settings' defaults: learning rate 0.01, exploration 0.1.</summary>
    static LearningPolicy PolicyOf(RoutingAlgorithm algorithm, double? shrink = null, double? recordStrength = null) =>
        new LearningPolicy(algorithm, LearningPolicy.Default.LearningRate, LearningPolicy.Default.ExplorationRate, true)
        {
            GlobalShrink = shrink ?? SkillPosterior.GlobalShrink,
            RecordStrength = recordStrength,
        };

    public static RoutingVariant Random { get; } = new("random", BaselinePick.Random, LearningPolicy.Default, false, "#9e9e9e");

    public static RoutingVariant RoundRobin { get; } = new("round-robin", BaselinePick.RoundRobin, LearningPolicy.Default, false, "#795548");

    public static IReadOnlyList<RoutingVariant> Main { get; } =
    [
        Random,
        RoundRobin,
        new("greedy", null, PolicyOf(RoutingAlgorithm.Greedy), true, "#1f77b4"),
        new("epsilon-greedy", null, PolicyOf(RoutingAlgorithm.EpsilonGreedy), true, "#ff7f0e"),
        new("thompson", null, PolicyOf(RoutingAlgorithm.Thompson), true, "#9467bd"),
        new("hybrid", null, PolicyOf(RoutingAlgorithm.Hybrid), true, "#2ca02c"),
        new("hybrid, no evidence", null, PolicyOf(RoutingAlgorithm.Hybrid), false, "#d62728"),
    ];

    /// <summary>References: the algorithms when the step names its category, which the bench's tasks deliberately do not.</summary>
    public static IReadOnlyList<RoutingVariant> CategoryKnown { get; } =
    [
        new("greedy, category known", null, PolicyOf(RoutingAlgorithm.Greedy), false, "#1f77b4", CategoryAsCapability: true),
        new("epsilon-greedy, category known", null, PolicyOf(RoutingAlgorithm.EpsilonGreedy), false, "#ff7f0e", CategoryAsCapability: true),
        new("thompson, category known", null, PolicyOf(RoutingAlgorithm.Thompson), false, "#9467bd", CategoryAsCapability: true),
        new("hybrid, category known", null, PolicyOf(RoutingAlgorithm.Hybrid), false, "#2ca02c", CategoryAsCapability: true),
    ];

    /// <summary>Hybrid with evidence at another λ (the default's row is in <see cref="Main"/>).</summary>
    public static RoutingVariant HybridAt(double shrink) =>
        new(FormattableString.Invariant($"hybrid, λ {shrink:0.##}"), null, PolicyOf(RoutingAlgorithm.Hybrid, shrink), true, "#2ca02c");

    /// <summary>Hybrid with evidence whose record counts as a prior worth <paramref name="recordStrength"/> outcomes (m0) instead of λ times its counts.</summary>
    public static RoutingVariant HybridWithRecordOf(double recordStrength) =>
        new(FormattableString.Invariant($"hybrid, m0 {recordStrength:0.##}"), null, PolicyOf(RoutingAlgorithm.Hybrid, recordStrength: recordStrength), true, "#2ca02c");
}

/// <summary>How a baseline picks among the agents that fit.</summary>
enum BaselinePick
{
    /// <summary>Uniformly, from the run's own seeded generator.</summary>
    Random,

    /// <summary>In turn, by agent id.</summary>
    RoundRobin,
}
