namespace Swarm.Benchmarks.StorageRequests;

/// <summary>
/// What one status read by the benchmark's own client costs in storage requests, by kind: measured by making
/// <see cref="Polls"/> reads one after another on a quiet host and taking away what the host's idle polling would have
/// made meanwhile. The client's polling is the benchmark's, not the workload's, so it is subtracted from the window.
/// </summary>
sealed record PollCost(IReadOnlyDictionary<StorageRequestKind, double> PerPoll, int Polls)
{
    public double this[StorageRequestKind kind] => PerPoll.GetValueOrDefault(kind);

    public static PollCost From(StorageRequestCount calibration, StorageRequestCount idle, int polls)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(idle);
        var perPoll = Enum.GetValues<StorageRequestKind>().ToDictionary(
            k => k,
            k => polls == 0 ? 0 : Math.Max(0, calibration[k] - (idle.PerSecond([k]) * calibration.Duration.TotalSeconds)) / polls);
        return new PollCost(perPoll, polls);
    }
}
