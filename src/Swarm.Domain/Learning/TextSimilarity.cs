namespace Swarm.Domain.Learning;

/// <summary>
/// How alike two texts are when each may carry an embedding besides its words: one rule for memory search and for task
/// fingerprints (docs/design/learning.md §4.3). Words alone when either side has no vector or the vectors come from
/// different models; <c>0.5·lexical + 0.5·cosine</c> when both carry one of the same model.
/// </summary>
public static class TextSimilarity
{
    /// <summary>
    /// How far a query's vector must point the way of a document's for the document to count as a match with no word in
    /// common: unrelated texts still have small positive cosines under most embedding models, and a search that always
    /// fills its limit with them would put noise before its reader.
    /// </summary>
    public const double MinMeaningCosine = 0.3;

    /// <summary>
    /// The combined similarity in [0, 1] of a document with a query, given their lexical similarity in [0, 1] and their
    /// vectors if any; null when the document does not match at all (no word in common and no vector close enough).
    /// </summary>
    public static double? Score(double lexical, QuantizedEmbedding? query, QuantizedEmbedding? document)
    {
        var cosine = query is not null && document is not null ? query.CosineWith(document) : null;
        if (lexical <= 0 && !(cosine >= MinMeaningCosine))
        {
            return null;
        }

        return cosine is { } c ? (0.5 * lexical) + (0.5 * Math.Max(0, c)) : lexical;
    }
}
