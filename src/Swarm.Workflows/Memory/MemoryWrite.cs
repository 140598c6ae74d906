using Swarm.Domain.Memory;

namespace Swarm.Workflows.Memory;

/// <summary>Input of <see cref="MemoryEntity.Put"/>.</summary>
public sealed record MemoryWrite(string Key, MemoryEntry Entry);
