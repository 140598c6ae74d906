namespace Swarm.Domain.Patterns;

/// <summary>A rating that reached the atlas before its task's fingerprint did; applied when the fingerprint arrives.</summary>
public sealed record PendingRating(string TaskId, Rating Rating);
