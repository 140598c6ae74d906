using System.Globalization;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Reporting;

/// <summary>How numbers read in the report: invariant culture, units spelt out, precision that fits the magnitude.</summary>
static class Units
{
    public static string Ms(double milliseconds) => milliseconds switch
    {
        < 10 and > -10 => Format("{0:0.00} ms", milliseconds),
        < 100 and > -100 => Format("{0:0.0} ms", milliseconds),
        _ => Format("{0:#,0} ms", milliseconds),
    };

    public static string Ms(TimeSpan duration) => Ms(duration.TotalMilliseconds);

    public static string Seconds(TimeSpan duration) => Format("{0:0.0} s", duration.TotalSeconds);

    public static string Rate(double perSecond, string unit) => Format(perSecond < 10 ? "{0:0.00} {1}/s" : "{0:#,0.0} {1}/s", perSecond, unit);

    public static string Count(long count) => Format("{0:#,0}", count);

    public static string Percent(double share) => Format("{0:0}%", share * 100);

    public static string Cores(double cores) => Format("{0:0.00}", cores);

    public static string Bytes(long bytes) => Math.Abs(bytes) switch
    {
        < 1024 => Format("{0:#,0} B", bytes),
        < 1024 * 1024 => Format("{0:#,0.0} KiB", bytes / 1024.0),
        < 1024L * 1024 * 1024 => Format("{0:#,0.0} MiB", bytes / (1024.0 * 1024)),
        _ => Format("{0:#,0.00} GiB", bytes / (1024.0 * 1024 * 1024)),
    };

    public static string Bytes(long? bytes) => bytes is { } b ? Bytes(b) : "n/a";

    /// <summary>"p50 12.3 ms, p95 45.6 ms" for a sentence; "n/a" when nothing was measured.</summary>
    public static string P50P95(LatencySummary? summary) => summary is { } s ? $"p50 {Ms(s.P50)}, p95 {Ms(s.P95)}" : "n/a";

    /// <summary>CPU in a window, per process (in cores: CPU time over wall time) and the machine's busy share.</summary>
    public static string Cpu(CpuUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var seconds = usage.Wall.TotalSeconds;
        var processes = string.Join(", ", usage.Processes.Select(p =>
            $"{p.Label} {Cores(p.Cpu.TotalSeconds / seconds)} cores" + (p.BusiestThread is { } thread ? $" (busiest thread {Cores(thread.TotalSeconds / seconds)})" : string.Empty)));
        var machine = usage.MachineBusy is { } busy
            ? $"; the machine was {Percent(busy)} busy across its {usage.Cores} cores (other processes {Cores(usage.OtherCores ?? 0)} cores)"
            : string.Empty;
        return $"over {Seconds(usage.Wall)}: {processes}{machine}";
    }

    static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
