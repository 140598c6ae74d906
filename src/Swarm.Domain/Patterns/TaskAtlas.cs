using Swarm.Domain.Learning;

namespace Swarm.Domain.Patterns;

/// <summary>
/// One shard of pattern memory (one capability key): the fingerprints of the newest finished tasks, oldest evicted
/// first, and the ratings that arrived before their fingerprint. The one owner of fingerprints; immutable, every
/// change returns a new atlas. Adding and rating are idempotent, because durable callers may repeat an operation.
/// </summary>
public sealed record TaskAtlas
{
    /// <summary>Fingerprints kept per shard by default (<c>learning:patterns:maxPerShard</c>).</summary>
    public const int DefaultMaxFingerprints = 500;

    /// <summary>Ratings kept waiting for their fingerprint; the oldest go first.</summary>
    public const int MaxPendingRatings = 100;

    public int Version { get; init; } = 1;

    /// <summary>The fingerprints, oldest first (by when the task finished).</summary>
    public IReadOnlyList<TaskFingerprint> Fingerprints { get; init; } = [];

    public IReadOnlyList<PendingRating> PendingRatings { get; init; } = [];

    /// <summary>The kinds of task recognised in this shard (pattern keys), at most <see cref="PatternClustering.MaxPatterns"/>; empty while pattern keys are off.</summary>
    public IReadOnlyList<TaskPattern> Patterns { get; init; } = [];

    /// <summary>The id the next pattern gets: ids are never reused.</summary>
    public int NextPatternId { get; init; }

    public TaskFingerprint? Find(string taskId) => Fingerprints.FirstOrDefault(f => string.Equals(f.TaskId, taskId, StringComparison.Ordinal));

    /// <summary>
    /// The pattern a task with this prompt vector belongs to: the one whose centroid is nearest by cosine, when that
    /// cosine is at least <paramref name="similarity"/>; null when none is near enough (the task will start one when its
    /// fingerprint is added) or the vector is of another model.
    /// </summary>
    public TaskPattern? PatternOf(QuantizedEmbedding vector, double similarity)
    {
        ArgumentNullException.ThrowIfNull(vector);
        TaskPattern? nearest = null;
        var best = double.NegativeInfinity;
        foreach (var pattern in Patterns)
        {
            if (pattern.CosineWith(vector) is { } cosine && (cosine > best || (cosine.Equals(best) && pattern.Id < nearest!.Id)))
            {
                (nearest, best) = (pattern, cosine);
            }
        }

        return best >= similarity ? nearest : null;
    }

    /// <summary>
    /// Adds a finished task's fingerprint, applies any ratings waiting for it, writes its failure lesson, and keeps the
    /// newest <paramref name="maxFingerprints"/>. A fingerprint already held is kept as it is (with its ratings). With
    /// <paramref name="clustering"/> and a vector, the task joins a pattern (<see cref="Recognised"/>).
    /// </summary>
    public TaskAtlas Add(TaskFingerprint fingerprint, int maxFingerprints = DefaultMaxFingerprints, PatternClustering? clustering = null)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFingerprints, 1);
        if (Find(fingerprint.TaskId) is not null)
        {
            return this;
        }

        var (atlas, member) = clustering is not null && fingerprint.Embedding is { } vector ? Recognised(fingerprint, vector, clustering) : (this, fingerprint);
        return atlas.Stored(member, maxFingerprints);
    }

    /// <summary>
    /// The atlas with the fingerprint's task in a pattern: the one its steps were routed by when it is still held (so the
    /// record routing learnt and the pattern's members agree), else the nearest within the clustering's similarity, else a
    /// new one; beyond <see cref="PatternClustering.MaxPatterns"/> the least recently joined pattern is evicted.
    /// </summary>
    (TaskAtlas Atlas, TaskFingerprint Member) Recognised(TaskFingerprint fingerprint, QuantizedEmbedding vector, PatternClustering clustering)
    {
        var joined = Patterns.FirstOrDefault(p => p.Id == fingerprint.Pattern && p.CosineWith(vector) is not null) ?? PatternOf(vector, clustering.Similarity);
        if (joined is not null)
        {
            return (this with { Patterns = [.. Patterns.Select(p => p.Id == joined.Id ? p.Join(vector, fingerprint.At) : p)] }, fingerprint with { Pattern = joined.Id });
        }

        var started = TaskPattern.Start(NextPatternId, vector, fingerprint.At);
        var kept = Patterns.Count < clustering.MaxPatterns
            ? Patterns
            : [.. Patterns.OrderByDescending(p => p.JoinedAt).ThenByDescending(p => p.Id).Take(clustering.MaxPatterns - 1).OrderBy(p => p.Id)];
        return (this with { Patterns = [.. kept, started], NextPatternId = NextPatternId + 1 }, fingerprint with { Pattern = started.Id });
    }

    TaskAtlas Stored(TaskFingerprint fingerprint, int maxFingerprints)
    {
        var added = fingerprint.Succeeded || fingerprint.Lesson is not null ? fingerprint : fingerprint with { Lesson = Lesson.FromFailure(fingerprint) };
        var waiting = PendingRatings.Where(p => string.Equals(p.TaskId, fingerprint.TaskId, StringComparison.Ordinal)).ToList();
        foreach (var pending in waiting)
        {
            added = WithRating(added, pending.Rating) ?? added;
        }

        var fingerprints = Fingerprints.Append(added).OrderBy(f => f.At).ThenBy(f => f.TaskId, StringComparer.Ordinal).ToList();
        return this with
        {
            Fingerprints = fingerprints.Count > maxFingerprints ? fingerprints[^maxFingerprints..] : fingerprints,
            PendingRatings = waiting.Count == 0 ? PendingRatings : [.. PendingRatings.Except(waiting)],
        };
    }

    /// <summary>
    /// Adds a person's rating to a task's fingerprint (the first rating per person stands), writing a lesson when it is
    /// <see cref="Rating.LessonAtOrBelow"/> or less and the fingerprint has none; before the fingerprint arrives the
    /// rating waits (at most <see cref="MaxPendingRatings"/>, oldest dropped).
    /// </summary>
    public (TaskAtlas Atlas, RatingOutcome Outcome) Rate(string taskId, Rating rating)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentOutOfRangeException.ThrowIfLessThan(rating.Value, Rating.Lowest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating.Value, Rating.Highest);
        var index = Fingerprints.ToList().FindIndex(f => string.Equals(f.TaskId, taskId, StringComparison.Ordinal));
        if (index < 0)
        {
            if (PendingRatings.Any(p => string.Equals(p.TaskId, taskId, StringComparison.Ordinal) && string.Equals(p.Rating.By, rating.By, StringComparison.Ordinal)))
            {
                return (this, RatingOutcome.AlreadyRated);
            }

            var pending = PendingRatings.Append(new PendingRating(taskId, rating)).ToList();
            return (this with { PendingRatings = pending.Count > MaxPendingRatings ? pending[^MaxPendingRatings..] : pending }, RatingOutcome.Pending);
        }

        if (WithRating(Fingerprints[index], rating) is not { } rated)
        {
            return (this, RatingOutcome.AlreadyRated);
        }

        var fingerprints = Fingerprints.ToList();
        fingerprints[index] = rated;
        return (this with { Fingerprints = fingerprints }, RatingOutcome.Applied);
    }

    /// <summary>The fingerprints most like the query, best first (<see cref="SimilarTasks.Rank"/>).</summary>
    public IReadOnlyList<SimilarTask> Similar(SimilarQuery query) => SimilarTasks.Rank(this, query);

    /// <summary>The fingerprint with the rating added, or null when that person has rated it already.</summary>
    static TaskFingerprint? WithRating(TaskFingerprint fingerprint, Rating rating)
    {
        var ratings = fingerprint.Ratings ?? [];
        if (ratings.Any(r => string.Equals(r.By, rating.By, StringComparison.Ordinal)))
        {
            return null;
        }

        // The first lesson stands: a failure's facts are worth more than a later comment, and one lesson per task
        // keeps a shard's notes from being dominated by one unlucky task.
        var lesson = fingerprint.Lesson ?? (rating.Value <= Rating.LessonAtOrBelow ? Lesson.FromRating(rating) : null);
        return fingerprint with { Ratings = [.. ratings, rating], Lesson = lesson };
    }
}
