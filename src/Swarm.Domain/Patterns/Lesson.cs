namespace Swarm.Domain.Patterns;

/// <summary>
/// A note for the agents of future similar tasks, written by the atlas (no model call) when a task failed or was rated
/// badly. Agents get it framed as an observation, never as an instruction (docs/design/learning.md §5).
/// </summary>
public sealed record Lesson(LessonKind Kind, string Text, DateTimeOffset At)
{
    /// <summary>Characters of a person's comment a lesson keeps.</summary>
    public const int CommentLimit = 500;

    /// <summary>Whether the lesson carries a person's words, and so reaches only that person's tasks unless sharing is on.</summary>
    public bool CarriesUserText => Kind == LessonKind.Rating;

    /// <summary>What a failure teaches: where and how it failed, never a model's or vendor's message.</summary>
    public static Lesson FromFailure(TaskFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var strategy = fingerprint.Strategy.ToString().ToLowerInvariant();
        var type = fingerprint.FailureType ?? "unknown failure";
        var text = fingerprint.Steps.LastOrDefault(s => !s.Succeeded) is { } step
            ? $"Similar task failed with strategy {strategy} at stage '{step.Stage}' on {step.AgentId}: {type}."
            : $"Similar task failed with strategy {strategy} before any step was answered: {type}.";
        return new(LessonKind.Failure, text, fingerprint.At);
    }

    /// <summary>What a bad rating teaches: the rating and the person's comment, cut to <see cref="CommentLimit"/>.</summary>
    public static Lesson FromRating(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var comment = rating.Comment?.Trim() is { Length: > 0 } c ? ": " + (c.Length <= CommentLimit ? c : c[..CommentLimit] + "…") : ".";
        return new(LessonKind.Rating, $"A person rated a similar task {rating.Value}/{Rating.Highest}{comment}", rating.At);
    }
}
