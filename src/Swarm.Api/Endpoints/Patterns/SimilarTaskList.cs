namespace Swarm.Api.Endpoints.Patterns;

/// <summary>Earlier tasks like one task (<c>GET /api/v1/tasks/{id}/similar</c>), ranked by similarity within its capability key.</summary>
public sealed record SimilarTaskList(string TaskId, string CapabilityKey, IReadOnlyList<SimilarTaskView> Items);
