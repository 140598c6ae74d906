using Swarm.Domain.Patterns;

namespace Swarm.Domain.Learning;

/// <summary>
/// The ratings of one task, one per rater: the first a rater gives is kept, so a retried or racing request counts once.
/// Bounded (<see cref="MaxRaters"/>), so ratings cannot grow a task's record without end. Immutable.
/// </summary>
public sealed record TaskRatings
{
    /// <summary>Raters kept per task; a rating beyond them is refused.</summary>
    public const int MaxRaters = 100;

    /// <summary>Schema version of the stored record.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The ratings in the order they arrived.</summary>
    public IReadOnlyList<Rating> Ratings { get; init; } = [];

    public Rating? By(string rater) => Ratings.FirstOrDefault(r => string.Equals(r.By, rater, StringComparison.Ordinal));

    public bool IsFull => Ratings.Count >= MaxRaters;

    /// <summary>Adds the rating unless its rater has rated already or the record is full; says which.</summary>
    public (TaskRatings Ratings, bool Added) Rate(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return By(rating.By) is not null || IsFull ? (this, false) : (this with { Ratings = [.. Ratings, rating] }, true);
    }
}
