using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

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
/// <param name="Known">For a reference, not a way the swarm routes: what each step names as its capability (every agent has all of them), so the board keeps a record per category, or per source prompt, and no recall is needed.</param>
/// <param name="UsesEmbeddings">Whether fingerprints and queries carry the prompt's vector from the built-in model (<c>learning:embeddings:provider = minilm</c>), so recall goes by meaning as well as words.</param>
/// <param name="PatternSimilarity">Pattern keys (<c>learning:patterns:keys</c>) at this join cosine: the atlas names the pattern of each step's prompt vector (<c>TaskAtlas.PatternOf</c>), the request and release carry its key, and the task joins or starts a pattern when its fingerprint is added.</param>
/// <param name="Shards">Dispatch board shards (<c>dispatch:shards</c>): each agent on the shard its id places it on, a task granted by the first shard with a free fitting seat from its home shard on.</param>
/// <param name="MinutesPerTask">The bench's clock between one task and the next, against which the learning pass runs on its default schedule.</param>
sealed record RoutingVariant(string Name, BaselinePick? Baseline, LearningPolicy Policy, bool UsesEvidence, string Colour, KnownKey Known = KnownKey.None, int Shards = 1, bool UsesEmbeddings = false, double? PatternSimilarity = null, int MinutesPerTask = 1)
{
    /// <summary>Whether the row is a reference that names what the router is otherwise never told.</summary>
    public bool IsReference => Known != KnownKey.None;

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
        new("ucb", null, PolicyOf(RoutingAlgorithm.Ucb), true, "#17becf"),
    ];

    /// <summary>References: the algorithms when the step names its category, which the bench's tasks deliberately do not.</summary>
    public static IReadOnlyList<RoutingVariant> CategoryKnown { get; } =
    [
        new("greedy, category known", null, PolicyOf(RoutingAlgorithm.Greedy), false, "#1f77b4", Known: KnownKey.Category),
        new("epsilon-greedy, category known", null, PolicyOf(RoutingAlgorithm.EpsilonGreedy), false, "#ff7f0e", Known: KnownKey.Category),
        new("thompson, category known", null, PolicyOf(RoutingAlgorithm.Thompson), false, "#9467bd", Known: KnownKey.Category),
        new("hybrid, category known", null, PolicyOf(RoutingAlgorithm.Hybrid), false, "#2ca02c", Known: KnownKey.Category),
        new("ucb, category known", null, PolicyOf(RoutingAlgorithm.Ucb), false, "#17becf", Known: KnownKey.Category),
    ];

    /// <summary>
    /// References that name the task's source prompt (one of 200) instead: what recall reaches at best when it finds
    /// only repeats of the same prompt, as it does here (the neighbours it finds are 99.7 % of the task's category, but
    /// under 2 per task). Two hundred contexts for seven agents are too many to learn in a thousand tasks.
    /// </summary>
    public static IReadOnlyList<RoutingVariant> PromptKnown { get; } =
    [
        new("greedy, prompt known", null, PolicyOf(RoutingAlgorithm.Greedy), false, "#1f77b4", Known: KnownKey.Prompt),
        new("hybrid, prompt known", null, PolicyOf(RoutingAlgorithm.Hybrid), false, "#2ca02c", Known: KnownKey.Prompt),
    ];

    /// <summary>
    /// The learning algorithms with the board in three shards: what choosing within the first shard with a free seat,
    /// rather than across the swarm, costs routing (docs/design/dispatch-shards.md, rule 5).
    /// </summary>
    public static IReadOnlyList<RoutingVariant> Sharded { get; } =
    [
        new("greedy, 3 shards", null, PolicyOf(RoutingAlgorithm.Greedy), true, "#1f77b4", Shards: 3),
        new("hybrid, 3 shards", null, PolicyOf(RoutingAlgorithm.Hybrid), true, "#2ca02c", Shards: 3),
        new("greedy, category known, 3 shards", null, PolicyOf(RoutingAlgorithm.Greedy), false, "#1f77b4", Known: KnownKey.Category, Shards: 3),
    ];

    /// <summary>
    /// The algorithms with <c>learning:embeddings:provider = minilm</c>: fingerprints and queries carry the prompt's
    /// vector, so recall (and the evidence it gives) goes by meaning as well as words.
    /// </summary>
    public static IReadOnlyList<RoutingVariant> WithEmbeddings { get; } =
    [
        new("greedy, embeddings", null, PolicyOf(RoutingAlgorithm.Greedy), true, "#1f77b4", UsesEmbeddings: true),
        new("epsilon-greedy, embeddings", null, PolicyOf(RoutingAlgorithm.EpsilonGreedy), true, "#ff7f0e", UsesEmbeddings: true),
        new("thompson, embeddings", null, PolicyOf(RoutingAlgorithm.Thompson), true, "#9467bd", UsesEmbeddings: true),
        new("hybrid, embeddings", null, PolicyOf(RoutingAlgorithm.Hybrid), true, "#2ca02c", UsesEmbeddings: true),
    ];

    /// <summary>
    /// Pattern keys at the default join cosine (<see cref="PatternClustering.DefaultSimilarity"/>): the board keeps a
    /// record per (capability, pattern), with the capability's record as its prior; no similar-task evidence.
    /// </summary>
    public static IReadOnlyList<RoutingVariant> PatternKeys { get; } =
    [
        new("greedy, pattern keys", null, PolicyOf(RoutingAlgorithm.Greedy), false, "#1f77b4", UsesEmbeddings: true, PatternSimilarity: PatternClustering.DefaultSimilarity),
        new("epsilon-greedy, pattern keys", null, PolicyOf(RoutingAlgorithm.EpsilonGreedy), false, "#ff7f0e", UsesEmbeddings: true, PatternSimilarity: PatternClustering.DefaultSimilarity),
        new("thompson, pattern keys", null, PolicyOf(RoutingAlgorithm.Thompson), false, "#9467bd", UsesEmbeddings: true, PatternSimilarity: PatternClustering.DefaultSimilarity),
        new("hybrid, pattern keys", null, PolicyOf(RoutingAlgorithm.Hybrid), false, "#2ca02c", UsesEmbeddings: true, PatternSimilarity: PatternClustering.DefaultSimilarity),
        new("ucb, pattern keys", null, PolicyOf(RoutingAlgorithm.Ucb), false, "#17becf", UsesEmbeddings: true, PatternSimilarity: PatternClustering.DefaultSimilarity),
    ];

    /// <summary>Ucb with pattern keys at another join cosine (the sweep beside the default).</summary>
    public static RoutingVariant UcbPatternsAt(double similarity) =>
        new(FormattableString.Invariant($"ucb, pattern keys at cosine {similarity:0.##}"), null, PolicyOf(RoutingAlgorithm.Ucb), false, "#17becf", UsesEmbeddings: true, PatternSimilarity: similarity);

    /// <summary>Every reference row, in the order the goal table shows them.</summary>
    public static IEnumerable<RoutingVariant> References => CategoryKnown.Concat(PromptKnown);

    /// <summary>Hybrid with evidence at another λ (the default's row is in <see cref="Main"/>).</summary>
    public static RoutingVariant HybridAt(double shrink) =>
        new(FormattableString.Invariant($"hybrid, λ {shrink:0.##}"), null, PolicyOf(RoutingAlgorithm.Hybrid, shrink), true, "#2ca02c");

    /// <summary>Hybrid with evidence whose record counts as a prior worth <paramref name="recordStrength"/> outcomes (m0) instead of λ times its counts.</summary>
    public static RoutingVariant HybridWithRecordOf(double recordStrength) =>
        new(FormattableString.Invariant($"hybrid, m0 {recordStrength:0.##}"), null, PolicyOf(RoutingAlgorithm.Hybrid, recordStrength: recordStrength), true, "#2ca02c");
}

/// <summary>What a reference row's steps name as their capability.</summary>
enum KnownKey
{
    /// <summary>Nothing: the one shared capability, as the swarm routes.</summary>
    None,

    /// <summary>The task's hidden category.</summary>
    Category,

    /// <summary>The task's source prompt, before words were dropped.</summary>
    Prompt,
}

/// <summary>How a baseline picks among the agents that fit.</summary>
enum BaselinePick
{
    /// <summary>Uniformly, from the run's own seeded generator.</summary>
    Random,

    /// <summary>In turn, by agent id.</summary>
    RoundRobin,
}
