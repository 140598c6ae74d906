using System.Diagnostics;

namespace Swarm.Benchmarks;

/// <summary>Progress lines on standard error, stamped with the time since the benchmark started; the report keeps standard output.</summary>
static class Progress
{
    static readonly Stopwatch SinceStart = Stopwatch.StartNew();

    public static void Write(string message) =>
        Console.Error.WriteLine(FormattableString.Invariant($"[{SinceStart.Elapsed.TotalSeconds,6:0.0} s] {message}"));
}
