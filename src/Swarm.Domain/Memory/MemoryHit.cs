namespace Swarm.Domain.Memory;

/// <summary>An entry found by <see cref="MemoryShelf.Search"/>, with how well it matches the query, in (0, 1].</summary>
/// <param name="Score">
/// TF-IDF cosine of the query's terms with the entry's, or half that plus half the embeddings' cosine when both carry a
/// vector of one model. A <c>double</c>; histories recorded when it was a count of shared words read back as that count.
/// </param>
public sealed record MemoryHit(string Key, MemoryEntry Entry, double Score);
