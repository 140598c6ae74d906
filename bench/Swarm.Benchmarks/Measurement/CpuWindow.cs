using System.Diagnostics;
using System.Globalization;

namespace Swarm.Benchmarks.Measurement;

/// <summary>
/// CPU time between two moments: of named processes (the host, Azurite, this benchmark) and of the whole machine
/// (from <c>/proc/stat</c>), so a report can say whether a run was bound by CPU or by waiting.
/// </summary>
sealed class CpuWindow
{
    readonly Stopwatch wall = Stopwatch.StartNew();
    readonly List<(string Label, int Pid, TimeSpan Start, ThreadTicks? Threads)> processes;
    readonly (long Busy, long Total)? machineStart = MachineTicks();

    CpuWindow(IEnumerable<(string Label, int Pid)> processes) =>
        this.processes = [.. processes.Select(p => (p.Label, p.Pid, CpuTimeOf(p.Pid) ?? TimeSpan.Zero, ThreadTicks.Read(p.Pid)))];

    public static CpuWindow Start(params (string Label, int Pid)[] processes) => new(processes);

    public CpuUsage Stop()
    {
        var elapsed = wall.Elapsed;
        var machineEnd = MachineTicks();
        double? busy = machineStart is { } start && machineEnd is { } end && end.Total > start.Total
            ? (double)(end.Busy - start.Busy) / (end.Total - start.Total)
            : null;
        return new CpuUsage(
            elapsed,
            [.. processes.Select(p => new ProcessCpu(
                p.Label,
                (CpuTimeOf(p.Pid) ?? p.Start) - p.Start,
                p.Threads is { } before ? ThreadTicks.Read(p.Pid)?.BusiestThreadShareSince(before) : null))],
            busy,
            Environment.ProcessorCount);
    }

    static TimeSpan? CpuTimeOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone, or not ours to read: the report shows no CPU for it rather than failing the run.
            return null;
        }
    }

    /// <summary>All cores' busy and total ticks since boot: the first line of /proc/stat, less idle and iowait.</summary>
    static (long Busy, long Total)? MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
