namespace Swarm.Benchmarks.StorageRequests;

/// <summary>Storage requests counted by kind over a stretch of an access log, and how many of them failed (4xx, 5xx).</summary>
sealed record StorageRequestCount(IReadOnlyDictionary<StorageRequestKind, long> ByKind, long Failed, TimeSpan Duration)
{
    public long Total => ByKind.Values.Sum();

    public long this[StorageRequestKind kind] => ByKind.GetValueOrDefault(kind);

    public long Of(IEnumerable<StorageRequestKind> kinds) => kinds.Sum(k => this[k]);

    public double PerSecond(IEnumerable<StorageRequestKind> kinds) => Duration > TimeSpan.Zero ? Of(kinds) / Duration.TotalSeconds : 0;

    /// <param name="lines">Raw access log lines; lines that are not requests are skipped.</param>
    public static StorageRequestCount Of(IEnumerable<string> lines, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byKind = new Dictionary<StorageRequestKind, long>();
        long failed = 0;
        foreach (var request in lines.Select(AccessLogLine.Parse).OfType<AccessLogLine>())
        {
            var kind = StorageRequestClassifier.Classify(request);
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            failed += request.Status >= 400 ? 1 : 0;
        }

        return new StorageRequestCount(byKind, failed, duration);
    }
}
