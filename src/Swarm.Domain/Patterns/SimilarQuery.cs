using Swarm.Domain.Learning;

namespace Swarm.Domain.Patterns;

/// <summary>What to look for in an atlas shard.</summary>
/// <param name="Terms">The query text's features (<see cref="PromptTerms.From"/>).</param>
/// <param name="Neighbours">At most this many results.</param>
/// <param name="MinSimilarity">Results below this similarity are left out.</param>
/// <param name="ExcludeTaskId">A task to leave out: the one asking, when its own fingerprint is the query.</param>
/// <param name="Embedding">
/// The query text's vector, if it has one: fingerprints carrying a vector of the same model are then scored by words
/// and meaning (<see cref="TextSimilarity"/>), the rest by words alone.
/// </param>
public sealed record SimilarQuery(TermCounts Terms, int Neighbours, double MinSimilarity, string? ExcludeTaskId = null, QuantizedEmbedding? Embedding = null);
