using System.Globalization;

namespace Swarm.Benchmarks.Measurement;

/// <summary>
/// A process's memory as the kernel counts it, from <c>/proc/&lt;pid&gt;/status</c>: resident set size now (VmRSS)
/// and its peak so far (VmHWM). Read from outside, so measuring costs the measured process nothing.
/// </summary>
sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    /// <summary>Null when the process is gone or the OS has no /proc.</summary>
    public static ProcessMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line ? ParseKibibytes(line) * 1024 : 0;
        return new ProcessMemory(Field("VmRSS:"), Field("VmHWM:"));
    }

    /// <summary>The number in a /proc line such as <c>VmRSS:   123456 kB</c>.</summary>
    public static long ParseKibibytes(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
