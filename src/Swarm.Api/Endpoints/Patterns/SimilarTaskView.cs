using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Patterns;

/// <summary>
/// A similar past task as the pattern routes show it: how alike, how it was run and how it went; never its prompt (the
/// atlas does not have it; <c>GET /api/v1/tasks/{id}</c> does, for whoever may read that task).
/// </summary>
/// <param name="Rating">The mean of people's ratings (1 to 5), or null when nobody rated it.</param>
/// <param name="Lesson">What it teaches similar tasks, if it failed or was rated badly.</param>
public sealed record SimilarTaskView(
    string TaskId, double Similarity, string Strategy, TaskRunStatus Outcome, double? Rating, decimal CostUsd, long DurationMs, DateTimeOffset FinishedAt, string? Lesson)
{
    public static SimilarTaskView From(SimilarTask similar)
    {
        ArgumentNullException.ThrowIfNull(similar);
        var f = similar.Fingerprint;
        return new(
            f.TaskId,
            Math.Round(similar.Similarity, 4),
            f.Strategy.ToString().ToLowerInvariant(),
            f.Outcome,
            f.Ratings is { Count: > 0 } ratings ? ratings.Average(r => r.Value) : null,
            f.CostUsd,
            f.DurationMs,
            f.At,
            f.Lesson?.Text);
    }
}
