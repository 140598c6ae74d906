using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// What one variant did over one seed's tasks, and the measures of docs/design/learning.md §9 taken from it: the chosen
/// agent's hidden accuracy (the expected accuracy, less noisy than the outcomes), the realised success rate, the gap to
/// always choosing the best agent, and the cumulative pseudo-regret Σ (p_best − p_chosen).
/// </summary>
sealed record RunTrace(RoutingVariant Variant, int Seed, IReadOnlyList<RoutedTask> Tasks, RoutingCounts Routing, int Reinstated)
{
    /// <summary>The horizon: the goal is judged on the tasks after this many.</summary>
    public const int Horizon = 300;

    public double AccuracyBefore => Tasks.Take(Horizon).Average(t => t.Accuracy);

    public double AccuracyAfter => After.Average(t => t.Accuracy);

    public double OracleAfter => After.Average(t => t.Best);

    /// <summary>How far below the best agent the chosen one was after the horizon, in accuracy (0.05 is 5 points).</summary>
    public double GapAfter => OracleAfter - AccuracyAfter;

    public double RealisedAfter => After.Average(t => t.Succeeded ? 1.0 : 0.0);

    public double Regret => Tasks.Sum(t => t.Regret);

    /// <summary>The cumulative regret after each task.</summary>
    public IReadOnlyList<double> CumulativeRegret()
    {
        var sum = 0.0;
        return [.. Tasks.Select(t => sum += t.Regret)];
    }

    /// <summary>How many tasks after it joined the late joiner was first chosen (1: the first task after it joined), or null if never.</summary>
    public int? LateJoinerFirstChosen(int joinAt) =>
        Tasks.Skip(joinAt).Select((t, i) => (t, i)).FirstOrDefault(x => x.t.AgentId == SimulatedPanel.LateJoiner) is { t: not null } first ? first.i + 1 : null;

    /// <summary>The late joiner's share of its own category's tasks from <paramref name="from"/> on.</summary>
    public double LateJoinerShare(string category, int from)
    {
        var own = Tasks.Skip(from).Where(t => t.Task.Category == category).ToList();
        return own.Count == 0 ? 0 : own.Count(t => t.AgentId == SimulatedPanel.LateJoiner) / (double)own.Count;
    }

    /// <summary>Tasks whose request carried similar-task evidence.</summary>
    public int WithEvidence => Tasks.Count(t => t.Neighbours > 0);

    /// <summary>Neighbours recalled per task, on average.</summary>
    public double MeanNeighbours => Tasks.Average(t => t.Neighbours);

    /// <summary>The share of recalled neighbours in the task's own (hidden) category: recall's precision during the run.</summary>
    public double NeighbourPrecision => Tasks.Sum(t => t.Neighbours) is var all and > 0 ? Tasks.Sum(t => t.SameCategory) / (double)all : 0;

    /// <summary>How many distinct keys the steps named (for the pattern-key rows: the patterns formed, and the capability key of tasks no pattern was near).</summary>
    public int Keys => Tasks.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The share of tasks whose key's most common category is their own: how pure the patterns were.</summary>
    public double KeyPurity => Tasks.GroupBy(t => t.Key, StringComparer.Ordinal).Sum(g => g.GroupBy(t => t.Task.Category).Max(c => c.Count())) / (double)Tasks.Count;

    /// <summary>
    /// Where the gap after the horizon comes from: each task's regret counted under one source, divided by the tasks after
    /// the horizon, so the sources sum to <see cref="GapAfter"/>. In order: routed by the capability record because no
    /// pattern was near (pattern keys only); under a key whose most common category over the whole run is not the task's
    /// (a mixed pattern, judged with hindsight); a warm-up grant (a newcomer, or any agent on a new key, being tried);
    /// otherwise the learned choice (exploiting, sampling or exploring on a pure key).
    /// </summary>
    public IReadOnlyDictionary<GapSource, double> GapSources()
    {
        var majority = Tasks.GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(t => t.Task.Category).MaxBy(c => c.Count())!.Key, StringComparer.Ordinal);
        var after = After.ToList();
        var sources = Enum.GetValues<GapSource>().ToDictionary(s => s, _ => 0.0);
        foreach (var task in after)
        {
            var source = Variant.PatternSimilarity is not null && !PatternKey.IsPattern(task.Key) ? GapSource.Unrecognised
                : majority[task.Key] != task.Task.Category ? GapSource.MixedKey
                : task.Choice == SkillChoice.WarmUp ? GapSource.WarmUp
                : GapSource.LearnedChoice;
            sources[source] += task.Regret / after.Count;
        }

        return sources;
    }

    /// <summary>Warm-up grants after the horizon, and how many of them went to the agent that joined late.</summary>
    public (int All, int LateJoiner) WarmUpsAfter =>
        (After.Count(t => t.Choice == SkillChoice.WarmUp), After.Count(t => t.Choice == SkillChoice.WarmUp && t.AgentId == SimulatedPanel.LateJoiner));

    IEnumerable<RoutedTask> After => Tasks.Skip(Horizon);
}

/// <summary>One routed task: who took it, how likely that agent was to be right and the best agent was, and how it went.</summary>
/// <param name="Neighbours">Similar tasks recalled for it (each one evidence entry here: every task has one step).</param>
/// <param name="SameCategory">How many of them were of its own hidden category.</param>
/// <param name="Choice">How the board chose the agent, as its routing counts name the decision (<c>exploit</c>, <c>sample</c>, <c>explore</c>, <c>warm-up</c>).</param>
/// <param name="Key">The key its step named: the shared capability, a pattern's key, or the category or source prompt of a reference row.</param>
sealed record RoutedTask(SimulatedTask Task, string AgentId, double Accuracy, double Best, bool Succeeded, int Neighbours, int SameCategory, string Choice, string Key)
{
    public double Regret => Best - Accuracy;
}

/// <summary>Where a task's regret after the horizon is counted (<see cref="RunTrace.GapSources"/>).</summary>
enum GapSource
{
    /// <summary>No pattern was near its prompt, so the capability record routed it.</summary>
    Unrecognised,

    /// <summary>Its key's most common category is another: a pattern that mixes kinds of task.</summary>
    MixedKey,

    /// <summary>The board gave a warm-up grant: an agent with under 4 outcomes on the key being tried.</summary>
    WarmUp,

    /// <summary>The board's learned choice on a pure key was not the best agent.</summary>
    LearnedChoice,
}
