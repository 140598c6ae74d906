using System.Diagnostics;

namespace Swarm.Mcp.Tests;

/// <summary>The server processes whose command line carries a marker (Linux /proc), so a test can see them start, die and end.</summary>
static class ServerProcesses
{
    public static string NewMarker() => "swarm-test-" + Guid.NewGuid().ToString("N");

    public static IReadOnlyList<int> WithMarker(string marker)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while being looked at.
            }
        }

        return found;
    }

    public static int Single(string marker) => WithMarker(marker) switch
    {
        [var pid] => pid,
        var pids => throw new InvalidOperationException($"Expected one process marked {marker}, found {pids.Count}."),
    };

    public static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"Process {pid} did not end within 10 s of being killed.");
        }
    }

    /// <summary>Waits until no process carries the marker; false if one still does after <paramref name="timeout"/>.</summary>
    public static async Task<bool> AllEndedAsync(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (WithMarker(marker).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
