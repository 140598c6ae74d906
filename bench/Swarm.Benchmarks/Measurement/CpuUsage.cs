namespace Swarm.Benchmarks.Measurement;

/// <summary>What a <see cref="CpuWindow"/> measured.</summary>
/// <param name="MachineBusy">The share of all cores' time that was busy (0 to 1), or null without /proc/stat.</param>
sealed record CpuUsage(TimeSpan Wall, IReadOnlyList<ProcessCpu> Processes, double? MachineBusy, int Cores);

/// <summary>CPU time one process spent in a window.</summary>
sealed record ProcessCpu(string Label, TimeSpan Cpu);
