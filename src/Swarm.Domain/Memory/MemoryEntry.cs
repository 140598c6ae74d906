using Swarm.Domain.Learning;

namespace Swarm.Domain.Memory;

/// <summary>One remembered value. <see cref="Value"/> is sealed (encrypted) when the swarm runs with encryption at rest.</summary>
/// <param name="Embedding">
/// The plain value's vector when <c>learning:embeddings</c> was on as it was written, so search finds it by meaning
/// too; never on a sealed value (a vector leaks what the text says), and null on entries written before.
/// </param>
public sealed record MemoryEntry(string Value, DateTimeOffset UpdatedAt, string UpdatedBy, bool Sealed, QuantizedEmbedding? Embedding = null);
