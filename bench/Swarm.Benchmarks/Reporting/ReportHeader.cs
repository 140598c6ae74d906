using System.Globalization;

namespace Swarm.Benchmarks.Reporting;

/// <summary>The top of the report: what was run, on what, by which command, so a number can be reproduced or compared.</summary>
static class ReportHeader
{
    /// <summary>Set by <c>./bench.sh</c>: the command line it was given, and the revision of the code it built.</summary>
    public const string CommandVariable = "BENCH_COMMAND";

    public const string RevisionVariable = "BENCH_REVISION";

    public const string AzuriteVersionVariable = "BENCH_AZURITE_VERSION";

    /// <summary>Where bench.sh's Azurite keeps its data: <c>disk</c> (a temporary folder) or <c>memory</c> (<c>--azurite-in-memory</c>).</summary>
    public const string AzuriteStoreVariable = "BENCH_AZURITE_STORE";

    /// <param name="backgroundLoad">The machine's CPU over a few idle seconds before the first scenario: what else was running.</param>
    public static void Write(MarkdownReport report, BenchmarkOptions options, MachineInfo machine, Measurement.CpuUsage backgroundLoad, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(backgroundLoad);
        report.Heading(1, "Swarm benchmark");
        var command = Environment.GetEnvironmentVariable(CommandVariable) is { Length: > 0 } script
            ? script
            : "dotnet bench/Swarm.Benchmarks/bin/Release/net10.0/Swarm.Benchmarks.dll " + string.Join(' ', args);
        report.Bullets(
        [
            $"Command: `{command.Trim()}`",
            $"Started: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
            $"Code: {Environment.GetEnvironmentVariable(RevisionVariable) ?? "revision not known (run through ./bench.sh)"}",
            $"Options: scenarios {string.Join(", ", options.Scenarios)}; agents {options.Agents}, tasks {options.Tasks}, clients {options.Clients}, "
                + $"overhead tasks {options.OverheadTasks}, realtime tasks {options.RealtimeTasks}, messages {options.Messages}, memory agents {options.MemoryAgents}, in-memory orchestrations {options.InMemoryOrchestrations}, "
                + $"consensus proposals {options.ConsensusProposals}, accuracy questions {options.AccuracyQuestions}, storage tasks {options.StorageTasks}, tool samples {options.ToolSamples}, learning tasks {options.LearningTasks} × {options.LearningSeeds} seeds, "
                + $"timeout {Units.Seconds(options.Timeout)} per scenario",
        ]);
        report.Table(["Machine", ""], new List<IReadOnlyList<string>>
        {
            new[] { "Processors (`nproc`)", machine.ProcessorCount.ToString(CultureInfo.InvariantCulture) },
            new[] { "CPU", machine.CpuModel },
            new[] { "Memory", Units.Bytes(machine.TotalMemoryBytes) },
            new[] { "OS", $"{machine.OperatingSystem} ({machine.Kernel})" },
            new[] { ".NET", machine.DotNet },
            new[] { "Load before the run", backgroundLoad.MachineBusy is { } busy ? $"{Units.Percent(busy)} of all cores busy over {Units.Seconds(backgroundLoad.Wall)} while the benchmark waited (other programs share the machine)" : "n/a" },
            new[] { "Azurite", Environment.GetEnvironmentVariable(AzuriteVersionVariable) is { Length: > 0 } version ? version + (Environment.GetEnvironmentVariable(AzuriteStoreVariable) == "memory" ? " (in memory: `--azurite-in-memory`, nothing written to disk)" : " (disk persistence in a temporary folder)") : "n/a" },
        });
    }
}
