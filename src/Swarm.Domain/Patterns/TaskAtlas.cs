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

    public TaskFingerprint? Find(string taskId) => Fingerprints.FirstOrDefault(f => string.Equals(f.TaskId, taskId, StringComparison.Ordinal));

    /// <summary>
    /// Adds a finished task's fingerprint, applies any ratings waiting for it, writes its failure lesson, and keeps the
    /// newest <paramref name="maxFingerprints"/>. A fingerprint already held is kept as it is (with its ratings).
    /// </summary>
    public TaskAtlas Add(TaskFingerprint fingerprint, int maxFingerprints = DefaultMaxFingerprints)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFingerprints, 1);
        if (Find(fingerprint.TaskId) is not null)
        {
            return this;
        }

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
