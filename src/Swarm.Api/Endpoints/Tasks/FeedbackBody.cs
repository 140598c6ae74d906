namespace Swarm.Api.Endpoints.Tasks;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/feedback</c>: a rating from 1 (bad) to 5 (good) and, optionally, why.</summary>
public sealed record FeedbackBody(int? Rating, string? Comment);
