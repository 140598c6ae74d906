using System.Runtime.InteropServices;

namespace Swarm.Benchmarks;

/// <summary>The machine the numbers were measured on, read from the OS at run time (Linux's /proc where it has the answer).</summary>
sealed record MachineInfo(int ProcessorCount, string CpuModel, long TotalMemoryBytes, string OperatingSystem, string Kernel, string DotNet)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadTotalMemoryBytes(),
        ReadOperatingSystemName(),
        ReadKernel(),
        RuntimeInformation.FrameworkDescription);

    static string ReadCpuModel() =>
        ReadLines("/proc/cpuinfo").Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim() == "model name")?[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    static long ReadTotalMemoryBytes() =>
        ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? Measurement.ProcessMemory.ParseKibibytes(line) * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    static string ReadOperatingSystemName() =>
        ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) is { } line
            ? line["PRETTY_NAME=".Length..].Trim('"')
            : RuntimeInformation.OSDescription;

    static string ReadKernel() =>
        ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() is { } release ? "Linux " + release.Trim() : RuntimeInformation.OSDescription;

    static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
