namespace Swarm.Benchmarks.Measurement;

/// <summary>
/// Nearest-rank percentiles: the p-th percentile is the smallest value with at least p% of the values at or below it.
/// No interpolation, so with few samples p99 is simply the largest; the report shows the count beside each summary.
/// </summary>
static class Percentiles
{
    public static LatencySummary? Summarize(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return new LatencySummary(sorted.Length, sorted[0], Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1], sorted.Average());
    }

    public static double Rank(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
