using System.Globalization;

namespace Swarm.Benchmarks.Measurement;

/// <summary>
/// CPU ticks (user + system) of a process and of each of its threads, from <c>/proc/&lt;pid&gt;/stat</c> and
/// <c>/proc/&lt;pid&gt;/task/*/stat</c>: how a process's CPU is spread over its threads, e.g. whether a single-threaded
/// server such as Azurite's Node.js is close to one full core.
/// </summary>
sealed record ThreadTicks(long Process, IReadOnlyDictionary<int, long> Threads)
{
    public static ThreadTicks? Read(int pid)
    {
        var process = TicksOf($"/proc/{pid}/stat");
        if (process is null)
        {
            return null;
        }

        var threads = new Dictionary<int, long>();
        try
        {
            foreach (var folder in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var tid)
                    && TicksOf(Path.Combine(folder, "stat")) is { } ticks)
                {
                    threads[tid] = ticks;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while being read; what was read stands.
        }

        return new ThreadTicks(process.Value, threads);
    }

    /// <summary>The share of the process's CPU since <paramref name="earlier"/> that its busiest thread used (0 to 1).</summary>
    public double? BusiestThreadShareSince(ThreadTicks earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var total = Process - earlier.Process;
        if (total <= 0 || Threads.Count == 0)
        {
            return null;
        }

        var busiest = Threads.Max(t => t.Value - earlier.Threads.GetValueOrDefault(t.Key));
        return Math.Clamp((double)busiest / total, 0, 1);
    }

    /// <summary>utime + stime: fields 14 and 15, counted after the command name, which may itself contain spaces.</summary>
    static long? TicksOf(string statPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(statPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 12
            ? long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
            : null;
    }
}
