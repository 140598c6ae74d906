using Swarm.Domain.Learning;

namespace Swarm.Domain.Patterns;

/// <summary>
/// Recall over an atlas shard and what it yields: the nearest fingerprints (TF-IDF cosine over the shard,
/// <see cref="LexicalIndex"/>, blended with the cosine of the prompts' vectors where both carry one of the same model,
/// <see cref="TextSimilarity"/>), the evidence they give routing about agents, and the lessons they hand on. Pure.
/// </summary>
public static class SimilarTasks
{
    /// <summary>Evidence entries one step's request carries at most: enough to separate agents, small in a seat request.</summary>
    public const int MaxEvidence = 40;

    /// <summary>Lessons a task is given at most, and how alike their task must be to be worth telling.</summary>
    public const int MaxLessons = 3;
    public const double LessonSimilarity = 0.35;

    /// <summary>
    /// The fingerprints of <paramref name="atlas"/> most like the query, at least its minimum similarity, best first; ties
    /// go to the newer task, then by id, so the answer is the same every time.
    /// </summary>
    public static IReadOnlyList<SimilarTask> Rank(TaskAtlas atlas, SimilarQuery query)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(query);
        var candidates = atlas.Fingerprints.Where(f => !string.Equals(f.TaskId, query.ExcludeTaskId, StringComparison.Ordinal)).ToList();
        var lexical = new LexicalIndex([.. candidates.Select(f => f.Terms)]).Similarities(query.Terms);
        return [.. candidates
            .Select((f, i) => (Fingerprint: f, Score: TextSimilarity.Score(lexical[i], query.Embedding, f.Embedding)))
            .Where(c => c.Score is { } score && score > 0 && score >= query.MinSimilarity)
            .Select(c => new SimilarTask(c.Fingerprint, c.Score!.Value))
            .OrderByDescending(s => s.Similarity)
            .ThenByDescending(s => s.Fingerprint.At)
            .ThenBy(s => s.Fingerprint.TaskId, StringComparer.Ordinal)
            .Take(Math.Max(0, query.Neighbours))];
    }

    /// <summary>
    /// What the neighbours say about agents for a step needing <paramref name="capabilities"/>: one entry per attempt at
    /// a neighbour's step with the same capability set, most similar neighbours first, at most <see cref="MaxEvidence"/>.
    /// </summary>
    public static IReadOnlyList<SimilarEvidence> EvidenceFor(IReadOnlyList<SimilarTask> neighbours, IReadOnlyList<string> capabilities)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        return [.. neighbours
            .SelectMany(n => n.Fingerprint.Steps
                .Where(s => CapabilityKey.SameSet(s.Capabilities, capabilities))
                .Select(s => new SimilarEvidence(s.AgentId, n.Similarity, n.Fingerprint.ValueOf(s), n.Fingerprint.At)))
            .Take(MaxEvidence)];
    }

    /// <summary>
    /// The lessons to give a new task's agents: from neighbours at least <see cref="LessonSimilarity"/> alike, most alike
    /// first, at most <see cref="MaxLessons"/>. A lesson carrying a person's words goes only to that person's own tasks
    /// unless <paramref name="shareLessons"/>; failure lessons carry none and always go.
    /// </summary>
    public static IReadOnlyList<RecalledLesson> LessonsFor(IReadOnlyList<SimilarTask> neighbours, string? submittedBy, bool shareLessons)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        return [.. neighbours
            .Where(n => n.Similarity >= LessonSimilarity && n.Fingerprint.Lesson is not null)
            .Where(n => shareLessons || !n.Fingerprint.Lesson!.CarriesUserText
                || (submittedBy is not null && string.Equals(n.Fingerprint.SubmittedBy, submittedBy, StringComparison.Ordinal)))
            .Take(MaxLessons)
            .Select(n => new RecalledLesson(n.Fingerprint.TaskId, n.Similarity, n.Fingerprint.Lesson!))];
    }
}
