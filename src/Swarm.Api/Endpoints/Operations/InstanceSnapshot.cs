using System.Diagnostics;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>This process, now: the numbers belong to the instance that answered, not to the whole swarm.</summary>
public sealed record InstanceSnapshot(
    string Host,
    int ProcessId,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    long WorkingSetBytes,
    long GcHeapBytes,
    IReadOnlyList<int> GcCollections,
    int Threads,
    double CpuSeconds)
{
    public static InstanceSnapshot Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var process = Process.GetCurrentProcess();
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        return new InstanceSnapshot(
            Environment.MachineName,
            Environment.ProcessId,
            started,
            Math.Round((time.GetUtcNow() - started).TotalSeconds, 1),
            process.WorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
            process.Threads.Count,
            Math.Round(process.TotalProcessorTime.TotalSeconds, 2));
    }
}
