using System.Diagnostics;

namespace Swarm.Benchmarks.StorageRequests;

/// <summary>
/// Azurite's access log as it arrives on its standard output: one line per request it served, kept with the moment it
/// arrived, so a scenario can take the lines between two marks of its own.
/// </summary>
sealed class AccessLog
{
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly List<(TimeSpan At, string Line)> lines = [];

    public void Add(string line)
    {
        lock (lines)
        {
            lines.Add((clock.Elapsed, line));
        }
    }

    /// <summary>A moment on this log's clock, to pass to <see cref="Between"/>.</summary>
    public TimeSpan Now => clock.Elapsed;

    /// <summary>The lines that arrived from <paramref name="from"/> up to <paramref name="until"/>.</summary>
    public IReadOnlyList<string> Between(TimeSpan from, TimeSpan until)
    {
        lock (lines)
        {
            return [.. lines.Where(l => l.At >= from && l.At < until).Select(l => l.Line)];
        }
    }
}
