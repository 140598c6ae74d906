using Microsoft.DurableTask.Entities;
using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>
/// One shard of pattern memory: a durable entity per capability key (<see cref="CapabilityKey"/>) holding a
/// <see cref="TaskAtlas"/>, the one owner of fingerprints. Tasks add theirs at the end with a signal (so a task never
/// waits on it) and recall from it with one call; ratings arrive as signals too. Thin: the rules are the atlas's.
/// </summary>
public sealed class TaskAtlasEntity : TaskEntity<TaskAtlas>
{
    public const string EntityName = "taskatlas";

    public static EntityInstanceId IdFor(string capabilityKey) => new(EntityName, capabilityKey);

    public void Add(AtlasEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        State = State.Add(entry.Fingerprint, entry.MaxPerShard, entry.Keys);
    }

    public RatingOutcome Rate(TaskRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        (State, var outcome) = State.Rate(rating.TaskId, rating.Rating);
        return outcome;
    }

    /// <summary>
    /// The fingerprints most like the query, without their term counts or ratings' comments: a task's history keeps
    /// what it recalled, so it gets what recall uses (outcomes, steps, lessons) and not the rest.
    /// </summary>
    public IReadOnlyList<SimilarTask> Similar(SimilarQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. State.Similar(query).Select(s => s with { Fingerprint = PatternRecall.Trimmed(s.Fingerprint) })];
    }

    /// <summary>
    /// <see cref="Similar"/> and, for a query with a vector, the pattern it belongs to (pattern keys): one call, so the
    /// pattern a task's steps are routed by is recognised against the same state as its neighbours.
    /// </summary>
    public AtlasRecognition Recognise(PatternQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pattern = query.Similar.Embedding is { } vector ? State.PatternOf(vector, query.Keys.Similarity) : null;
        return new AtlasRecognition(Similar(query.Similar), pattern?.Id);
    }

    public TaskAtlas Get() => State;

    protected override TaskAtlas InitializeState(TaskEntityOperation entityOperation) => new();
}
