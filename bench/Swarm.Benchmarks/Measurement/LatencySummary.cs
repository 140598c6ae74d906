namespace Swarm.Benchmarks.Measurement;

/// <summary>Percentiles of a set of durations, in milliseconds (nearest-rank: every value shown was measured).</summary>
sealed record LatencySummary(int Count, double Min, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary? Of(IEnumerable<double> milliseconds) => Percentiles.Summarize(milliseconds);

    public static LatencySummary? Of(IEnumerable<TimeSpan> durations) => Percentiles.Summarize(durations.Select(d => d.TotalMilliseconds));
}
