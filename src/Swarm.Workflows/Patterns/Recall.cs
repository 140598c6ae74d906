using Swarm.Domain.Agents;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>What a task recalled of similar past tasks, and the uses it has: strategy evidence, routing evidence, lessons.</summary>
/// <param name="Neighbours">The similar tasks, most alike first (trimmed: no term counts, no comments).</param>
/// <param name="Lessons">The lessons its agents are given (already scoped to the submitter).</param>
/// <param name="Embedding">The prompt's vector recall searched with, which the task's fingerprint keeps; null by words alone.</param>
/// <param name="Shard">The atlas shard recalled from (the task's capability key); null when nothing was recalled.</param>
/// <param name="Pattern">The id of the pattern the shard recognised the prompt as (pattern keys); null when it recognised none or keys are off.</param>
public sealed record Recall(IReadOnlyList<SimilarTask> Neighbours, IReadOnlyList<RecalledLesson> Lessons, QuantizedEmbedding? Embedding = null, string? Shard = null, int? Pattern = null)
{
    /// <summary>Nothing recalled: recognition was off for the task, so nothing changes.</summary>
    public static Recall Nothing { get; } = new([], []);

    /// <summary>How strategies went for the neighbours; null when there are none, so <c>auto</c> decides by shape alone.</summary>
    public StrategyEvidence? Strategies => Neighbours.Count == 0 ? null : StrategyEvidence.From(Neighbours);

    /// <summary>What the neighbours say about agents for a step with these capabilities; null when they say nothing.</summary>
    public IReadOnlyList<SimilarEvidence>? EvidenceFor(IReadOnlyList<string> capabilities) =>
        SimilarTasks.EvidenceFor(Neighbours, capabilities) is { Count: > 0 } evidence ? evidence : null;

    /// <summary>
    /// The pattern key a step is routed and taught by: the recognised pattern's, for a step that does the task's own work
    /// (it needs what the task needs, the shard's key). Null for any other step, whose work the pattern does not describe:
    /// a queen's planning or merging (<paramref name="requiredType"/> queen), a question to a named agent
    /// (<paramref name="onlyAgent"/>), or a step needing other capabilities.
    /// </summary>
    public string? PatternFor(IReadOnlyList<string> capabilities, AgentType? requiredType, string? onlyAgent) =>
        Pattern is { } id && Shard is { } shard && requiredType is not AgentType.Queen && onlyAgent is null
        && string.Equals(CapabilityKey.Of(capabilities), shard, StringComparison.Ordinal)
            ? PatternKey.Of(shard, id)
            : null;

    /// <summary>The lesson texts, for the agents' briefing.</summary>
    public IReadOnlyList<string> LessonTexts => [.. Lessons.Select(l => l.Lesson.Text)];

    /// <summary>The timeline's line: <c>9 similar tasks (best 0.82); evidence for coder-2 4✓ 0✗, coder-1 1✓ 2✗</c>.</summary>
    public string Describe(IReadOnlyList<string> capabilities)
    {
        var pattern = Pattern is { } id && Shard is { } shard ? $"; pattern {PatternKey.Of(shard, id)}" : "";
        if (Neighbours.Count == 0)
        {
            return "no similar tasks" + pattern;
        }

        var said = $"{Neighbours.Count} similar task{(Neighbours.Count == 1 ? "" : "s")} (best {Neighbours[0].Similarity.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})";
        var byAgent = (EvidenceFor(capabilities) ?? [])
            .GroupBy(e => e.AgentId, StringComparer.Ordinal)
            .Select(g => (Agent: g.Key, Good: g.Count(e => e.Value >= 0.5), Bad: g.Count(e => e.Value < 0.5)))
            .OrderByDescending(a => a.Good + a.Bad)
            .ThenBy(a => a.Agent, StringComparer.Ordinal)
            .ToList();
        return (byAgent.Count == 0 ? said : $"{said}; evidence for {string.Join(", ", byAgent.Select(a => $"{a.Agent} {a.Good}✓ {a.Bad}✗"))}") + pattern;
    }
}
