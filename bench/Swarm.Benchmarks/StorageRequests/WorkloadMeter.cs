using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.StorageRequests;

/// <summary>
/// Measures one workload on an Azurite whose access log is followed, after its warm-up: the batch (requests by kind
/// from the access log, Azurite's CPU, throughput), then a pause for the backend's queue polling to back off, a quiet
/// window for the idle polling rate, then the client's status read, repeated, for what each read costs. Nothing else
/// may use that Azurite meanwhile: every request in the window is counted.
/// </summary>
/// <param name="scenario">The scenario measuring, for progress lines.</param>
sealed class WorkloadMeter(AccessLog log, int azuritePid, string? rawLogFolder, string scenario = "storage")
{
    /// <summary>On an Azurite of the scenario's own.</summary>
    public WorkloadMeter(AzuriteProcess azurite, string? rawLogFolder)
        : this(azurite.Log, azurite.Pid, rawLogFolder)
    {
    }

    /// <summary>Long enough for the backend's idle queue polling to reach its longest interval (1 s by default).</summary>
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    const int CalibrationPolls = 50;

    /// <param name="workers">The processes besides Azurite whose CPU the workload used (its worker, API and client).</param>
    /// <param name="readStatus">One status read by the client, as it polled during the batch.</param>
    public async Task<StorageWorkload> MeasureAsync(
        string label,
        (string Label, int Pid)[] workers,
        Func<CancellationToken, Task<BatchRun>> runBatch,
        Func<string, CancellationToken, Task> readStatus,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runBatch);
        ArgumentNullException.ThrowIfNull(readStatus);
        var cpu = CpuWindow.Start([(StorageWorkload.AzuriteLabel, azuritePid), .. workers]);
        var from = log.Now;
        var run = await runBatch(cancellationToken);
        var until = log.Now;
        var usage = cpu.Stop();
        var window = StorageRequestCount.Of(log.Between(from, until), until - from);
        if (run.TimedOut)
        {
            throw new TimeoutException($"{label}: {run.Completed} of {run.Submitted} tasks completed before the scenario's time ran out.");
        }

        Progress.Write($"{scenario}: {label}: quiet window ({Quiet.TotalSeconds:0} s after {Settle.TotalSeconds:0} s)");
        await Task.Delay(Settle, cancellationToken);
        var idleFrom = log.Now;
        await Task.Delay(Quiet, cancellationToken);
        var idleUntil = log.Now;
        var idle = StorageRequestCount.Of(log.Between(idleFrom, idleUntil), idleUntil - idleFrom);

        var reads = run.CompletedIds.Take(CalibrationPolls).ToList();
        var calibrationFrom = log.Now;
        foreach (var id in reads)
        {
            await readStatus(id, cancellationToken);
        }

        // The last access log lines of the reads may still be on their way through Azurite's standard output.
        await Task.Delay(200, cancellationToken);
        var calibrationUntil = log.Now;
        var calibration = StorageRequestCount.Of(log.Between(calibrationFrom, calibrationUntil), calibrationUntil - calibrationFrom);
        await WriteRawLogAsync(label, log.Between(from, until), cancellationToken);
        return new StorageWorkload(label, run.Submitted, run.Completed, run.WallTime, window, run.ClientPolls, PollCost.From(calibration, idle, reads.Count), idle, usage, azuritePid);
    }

    async Task WriteRawLogAsync(string label, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        if (rawLogFolder is null)
        {
            return;
        }

        Directory.CreateDirectory(rawLogFolder);
        var file = Path.Combine(rawLogFolder, string.Concat(label.Where(char.IsAsciiLetterOrDigit)) + "-window.log");
        await File.WriteAllLinesAsync(file, lines, cancellationToken);
        Progress.Write($"{scenario}: {label}: {lines.Count} access log lines of the measured window written to {file}");
    }
}
