namespace Swarm.Domain.Patterns;

/// <summary>
/// How an atlas shard groups its tasks into patterns (<c>learning:patterns:keys:*</c>): a task joins the pattern whose
/// centroid's cosine with its prompt vector is highest and at least <see cref="Similarity"/>, else starts one.
/// </summary>
/// <param name="Similarity">The cosine a task's vector needs with a pattern's centroid to join it (0.15 by default: measured in the learning bench).</param>
/// <param name="MaxPatterns">Patterns a shard keeps; the least recently joined goes first.</param>
public sealed record PatternClustering(double Similarity = PatternClustering.DefaultSimilarity, int MaxPatterns = PatternClustering.DefaultMaxPatterns)
{
    public const double DefaultSimilarity = 0.15;

    public const int DefaultMaxPatterns = 32;
}
