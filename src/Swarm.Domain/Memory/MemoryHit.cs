namespace Swarm.Domain.Memory;

/// <summary>An entry found by <see cref="MemoryShelf.Search"/>, with how many of the query's words it shares.</summary>
public sealed record MemoryHit(string Key, MemoryEntry Entry, int Score);
