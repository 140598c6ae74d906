namespace Swarm.Domain.Patterns;

/// <summary>
/// TF-IDF cosine similarity of a query against a set of documents' <see cref="TermCounts"/>, computed on the fly: no
/// vocabulary is stored, document frequencies are counted over the documents given (an atlas shard, a memory shelf).
/// Weights: <c>tf' = 1 + ln tf</c>, <c>idf = ln((1 + N) / (1 + df)) + 1</c>, word pairs ×<see cref="PairWeight"/>.
/// Exact and deterministic; fine for the few thousand documents it is built over (docs/design/learning.md §4.2).
/// </summary>
public sealed class LexicalIndex
{
    /// <summary>How much more a pair of adjacent words counts than one word: "unit test" says more than "unit" and "test".</summary>
    public const double PairWeight = 1.5;

    readonly IReadOnlyList<TermCounts> documents;
    readonly Dictionary<uint, int> documentFrequency = [];
    readonly double[] norms;

    /// <param name="documents">The documents, in an order the caller keeps: <see cref="Similarities"/> answers in it.</param>
    public LexicalIndex(IReadOnlyList<TermCounts> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        this.documents = documents;
        foreach (var document in documents)
        {
            foreach (var term in document.Terms)
            {
                documentFrequency[term.Hash] = documentFrequency.GetValueOrDefault(term.Hash) + 1;
            }
        }

        norms = [.. documents.Select(Norm)];
    }

    /// <summary>How many documents it holds.</summary>
    public int Count => documents.Count;

    /// <summary>The inverse document frequency of a feature over these documents (higher for rarer features).</summary>
    public double InverseFrequency(uint hash) => Math.Log((1.0 + documents.Count) / (1.0 + documentFrequency.GetValueOrDefault(hash))) + 1;

    /// <summary>The cosine similarity, in [0, 1], of <paramref name="query"/> with each document, in the documents' order.</summary>
    public double[] Similarities(TermCounts query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = new double[documents.Count];
        var queryNorm = Norm(query);
        if (queryNorm == 0)
        {
            return scores;
        }

        var queryWeights = query.Terms.ToDictionary(t => t.Hash, Weight);
        for (var i = 0; i < documents.Count; i++)
        {
            if (norms[i] == 0)
            {
                continue;
            }

            var dot = 0.0;
            foreach (var term in documents[i].Terms)
            {
                if (queryWeights.TryGetValue(term.Hash, out var weight))
                {
                    dot += weight * Weight(term);
                }
            }

            // Rounding can carry a text's similarity with itself a hair past one.
            scores[i] = Math.Clamp(dot / (queryNorm * norms[i]), 0, 1);
        }

        return scores;
    }

    double Weight(TermCount term) =>
        (1 + Math.Log(term.Count)) * InverseFrequency(term.Hash) * (term.IsPair ? PairWeight : 1);

    double Norm(TermCounts counts) => Math.Sqrt(counts.Terms.Sum(t => Weight(t) * Weight(t)));
}
