namespace Swarm.Api.Endpoints.Patterns;

/// <summary>Earlier tasks like a piece of text (<c>GET /api/v1/patterns/tasks</c>), ranked by similarity.</summary>
public sealed record TaskSearchResults(string CapabilityKey, IReadOnlyList<SimilarTaskView> Items);
