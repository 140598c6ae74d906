namespace Swarm.Domain.Patterns;

/// <summary>What <see cref="TaskAtlas.Rate"/> did with a rating.</summary>
public enum RatingOutcome
{
    /// <summary>Added to the task's fingerprint.</summary>
    Applied,

    /// <summary>The person had already rated the task; the first rating stands.</summary>
    AlreadyRated,

    /// <summary>The fingerprint has not arrived; the rating waits for it.</summary>
    Pending,
}
