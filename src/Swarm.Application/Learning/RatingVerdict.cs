using Swarm.Domain.Patterns;

namespace Swarm.Application.Learning;

/// <summary>What became of a rating handed to the task's ratings, as far as the request could see.</summary>
public enum RatingOutcomeSeen
{
    /// <summary>The ratings keep this rating: it was passed on to everyone who learns from it.</summary>
    Kept,

    /// <summary>The rater's earlier rating is kept; this one taught nothing.</summary>
    AlreadyRated,

    /// <summary>The task has as many ratings as it keeps.</summary>
    Full,

    /// <summary>Not decided within the wait: the signal is queued, and the ratings decide when they run.</summary>
    Pending,
}

/// <param name="Kept">The rater's rating the task keeps (this one or an earlier), when seen.</param>
public sealed record RatingVerdict(RatingOutcomeSeen Outcome, Rating? Kept);
