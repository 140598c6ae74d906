namespace Swarm.Api.Endpoints.Memory;

/// <summary>One key of a memory namespace (without its value).</summary>
public sealed record MemoryKeyView(string Key, DateTimeOffset UpdatedAt, string? UpdatedBy);
