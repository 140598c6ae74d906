using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.StorageRequests;

/// <summary>
/// One side of the storage scenario, measured: the requests Azurite served while <see cref="Completed"/> tasks ran
/// (<see cref="Window"/>), the client's own status reads and what each cost, Azurite's idle polling on a quiet
/// window, and CPU over the measured window.
/// </summary>
/// <param name="WallTime">From the first submission to the last completion, for throughput.</param>
/// <param name="Cpu">CPU over the measured window: Azurite first, then the processes that ran the workload and its client.</param>
sealed record StorageWorkload(
    string Label,
    int Submitted,
    int Completed,
    TimeSpan? WallTime,
    StorageRequestCount Window,
    int ClientPolls,
    PollCost PollCost,
    StorageRequestCount Idle,
    CpuUsage Cpu,
    int AzuritePid)
{
    public double? Throughput => WallTime is { } wall && wall > TimeSpan.Zero ? Completed / wall.TotalSeconds : null;

    /// <summary>
    /// Requests of these kinds per completed task, less what the client's status reads cost, kind by kind: a kind whose
    /// reads, as calibrated, cost more than the window held counts 0 and takes nothing from the other kinds (a sum
    /// clamped as a whole let a calibration of table reads that overshot eat queue and blob requests the client never
    /// made), so a sum is a lower bound whenever a kind counts 0.
    /// </summary>
    public double? PerTask(IEnumerable<StorageRequestKind> kinds) =>
        Completed == 0 ? null : kinds.Distinct().Sum(k => Math.Max(0, Window.Of([k]) - (ClientPolls * PollCost[k]))) / Completed;

    /// <summary>The kinds among these of which the client's reads, as calibrated, took away all the window held: their 0 is a floor.</summary>
    public IReadOnlyList<StorageRequestKind> ClampedKinds(IEnumerable<StorageRequestKind> kinds) =>
        [.. kinds.Distinct().Where(k => Window.Of([k]) > 0 && Window.Of([k]) - (ClientPolls * PollCost[k]) <= 0)];

    /// <summary>The client's status reads, in requests per completed task: what <see cref="PerTask"/> took away.</summary>
    public double? ClientPollingPerTask => Completed == 0 ? null : ClientPolls * Enum.GetValues<StorageRequestKind>().Sum(k => PollCost[k]) / Completed;

    /// <summary>What idle polling at the quiet window's rate would make over the measured window, per task: a floor on the background in the counts.</summary>
    public double? IdleShareFloorPerTask => Completed == 0 ? null : Idle.PerSecond(Enum.GetValues<StorageRequestKind>()) * Window.Duration.TotalSeconds / Completed;

    public TimeSpan? AzuriteCpuPerTask => Completed == 0 ? null : Azurite.Cpu / Completed;

    /// <summary>Every measured process but Azurite: the worker, the API and the benchmark's client.</summary>
    public TimeSpan? OtherCpuPerTask => Completed == 0 ? null : Cpu.Processes.Where(p => p.Label != AzuriteLabel).Aggregate(TimeSpan.Zero, (s, p) => s + p.Cpu) / Completed;

    public ProcessCpu Azurite => Cpu.Processes.First(p => p.Label == AzuriteLabel);

    public const string AzuriteLabel = "Azurite";
}
