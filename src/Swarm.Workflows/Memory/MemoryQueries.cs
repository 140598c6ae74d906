using Swarm.Domain.Learning;

namespace Swarm.Workflows.Memory;

/// <summary>Input of <see cref="MemoryEntity.Keys"/>: keys starting with <paramref name="Prefix"/> (all when null), at most <paramref name="Limit"/>.</summary>
public sealed record MemoryKeyQuery(string? Prefix, int Limit);

/// <summary>Input of <see cref="MemoryEntity.Search"/>: the words to look for, and how many entries to return at most.</summary>
/// <param name="Embedding">The query's vector when embeddings are on; null (as in older histories) searches by words alone.</param>
public sealed record MemorySearchQuery(string Query, int Limit, QuantizedEmbedding? Embedding = null);
