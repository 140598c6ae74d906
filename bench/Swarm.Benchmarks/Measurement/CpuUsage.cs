namespace Swarm.Benchmarks.Measurement;

/// <summary>What a <see cref="CpuWindow"/> measured.</summary>
/// <param name="MachineBusy">The share of all cores' time that was busy (0 to 1), or null without /proc/stat.</param>
sealed record CpuUsage(TimeSpan Wall, IReadOnlyList<ProcessCpu> Processes, double? MachineBusy, int Cores)
{
    /// <summary>Cores kept busy by everything else on the machine (other programs, the kernel), on average; null without /proc/stat.</summary>
    public double? OtherCores => MachineBusy is { } busy && Wall > TimeSpan.Zero
        ? Math.Max(0, (busy * Cores * Wall.TotalSeconds - Processes.Sum(p => p.Cpu.TotalSeconds)) / Wall.TotalSeconds)
        : null;
}

/// <summary>CPU time one process spent in a window.</summary>
/// <param name="BusiestThreadShare">The share of it that the process's busiest thread used (0 to 1), when known.</param>
sealed record ProcessCpu(string Label, TimeSpan Cpu, double? BusiestThreadShare)
{
    /// <summary>The busiest thread's CPU time.</summary>
    public TimeSpan? BusiestThread => BusiestThreadShare is { } share ? Cpu * share : null;
}
