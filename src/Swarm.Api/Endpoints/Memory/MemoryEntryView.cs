namespace Swarm.Api.Endpoints.Memory;

/// <summary>One memory value, with who last wrote it and when.</summary>
public sealed record MemoryEntryView(string Namespace, string Key, string Value, DateTimeOffset UpdatedAt, string? UpdatedBy);
