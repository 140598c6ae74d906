namespace Swarm.Api.Endpoints.Memory;

/// <summary>One entry found by a memory search, with its similarity score (0 to 1, four places).</summary>
public sealed record MemorySearchHit(string Key, double Score, string Value, DateTimeOffset UpdatedAt, string? UpdatedBy);
