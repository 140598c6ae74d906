namespace Swarm.Domain.Memory;

/// <summary>One remembered value. <see cref="Value"/> is sealed (encrypted) when the swarm runs with encryption at rest.</summary>
public sealed record MemoryEntry(string Value, DateTimeOffset UpdatedAt, string UpdatedBy, bool Sealed);
