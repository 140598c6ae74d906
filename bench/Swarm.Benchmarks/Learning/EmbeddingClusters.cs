using Swarm.Domain.Learning;

namespace Swarm.Benchmarks.Learning;

/// <summary>
/// An experiment, not the swarm's code: leader clustering of the prompts' vectors, online. A task joins the cluster
/// whose centroid (the sum of its members' unit vectors) is nearest by cosine when that cosine reaches the threshold,
/// else starts a cluster. The cluster's name is the key the task's step then names (as the category-known references
/// name the category), so the board keeps a skill record per cluster: what a pattern key would give routing if the
/// swarm assigned one (docs/design/learning.md §12).
/// </summary>
sealed class EmbeddingClusters(double threshold)
{
    readonly List<double[]> centroids = [];

    public int Count => centroids.Count;

    /// <summary>The cluster the vector joins (its key), updating that cluster's centroid.</summary>
    public string Join(QuantizedEmbedding vector)
    {
        var unit = Unit(vector);
        var best = -1;
        var bestCosine = double.NegativeInfinity;
        for (var k = 0; k < centroids.Count; k++)
        {
            var cosine = Cosine(centroids[k], unit);
            if (cosine > bestCosine)
            {
                (best, bestCosine) = (k, cosine);
            }
        }

        if (best < 0 || bestCosine < threshold)
        {
            centroids.Add(new double[unit.Length]);
            best = centroids.Count - 1;
        }

        for (var d = 0; d < unit.Length; d++)
        {
            centroids[best][d] += unit[d];
        }

        return Key(best);
    }

    /// <summary>The step key of cluster <paramref name="index"/>; the panel's agents list the first <see cref="MaxKeys"/> as capabilities.</summary>
    public static string Key(int index) => index < MaxKeys ? $"pattern-{index}" : throw new InvalidOperationException($"More than {MaxKeys} clusters.");

    public const int MaxKeys = 200;

    static double[] Unit(QuantizedEmbedding vector)
    {
        var values = Enumerable.Range(0, vector.Dimensions).Select(d => (double)vector[d]).ToArray();
        var length = Math.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => length > 0 ? v / length : 0)];
    }

    static double Cosine(double[] centroid, double[] unit)
    {
        double dot = 0, norm = 0;
        for (var d = 0; d < unit.Length; d++)
        {
            dot += centroid[d] * unit[d];
            norm += centroid[d] * centroid[d];
        }

        return norm > 0 ? dot / Math.Sqrt(norm) : 0;
    }
}
