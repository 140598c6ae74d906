using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: the local host's memory as the swarm grows. Its resident set (RSS, read from /proc: the headline) and
/// managed heap at rest, with a few agents and with many, each after a small run of tasks and a short settle.
/// </summary>
sealed class MemoryScenario(BenchmarkOptions options, StorageEndpoint? storage) : IScenario
{
    /// <summary>Tasks run before each reading, so the reading includes what running tasks leaves behind (caches, pools, compiled code).</summary>
    const int TasksPerStage = 20;

    /// <summary>Lets background work the tasks started (entity signals, queue polling) quiet down before reading.</summary>
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public string Name => "memory";

    public string Title => "Memory of the local host";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = "0",
            ["system__maxAgents"] = LocalHostSetup.Setting(options.MemoryAgents + 1),
            ["defaultAgent__maxConcurrency"] = LocalHostSetup.Setting(LocalHostSetup.DefaultAgentConcurrency),
        };
        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, settings, cancellationToken);
        report.Paragraph(
            $"One local host, grown in stages. Before each reading: {TasksPerStage} tasks from {options.Clients} clients, all completed, then {Units.Seconds(Settle)} of rest. "
            + "The host's RSS is read from /proc first; then a startup hook in the host (loaded with `DOTNET_STARTUP_HOOKS`) reports the GC's committed memory, "
            + "forces a full compacting collection and reports the live managed heap. The default agent exists in every stage besides the created ones.");
        report.Bullets(LocalHostSetup.DescribeSettings(host, settings, options));

        var stages = new List<MemoryStage>();
        var creations = new List<(int From, int To, AgentBatchResult Result)>();
        var cpu = CpuWindow.Start(LocalHostSetup.MeasuredProcesses(host, storage));
        try
        {
            stages.Add(await MeasureAsync(host, "At rest (no agents created)", 0, cancellationToken));
            var created = 0;
            foreach (var target in new[] { options.Agents, options.MemoryAgents }.Distinct())
            {
                Progress.Write($"{Name}: creating agents {created + 1} to {target}");
                var batch = await new AgentBatch(host.Api, options.Clients).CreateAsync(target - created, created + 1, LocalHostSetup.CreatedAgentConcurrency(options), cancellationToken);
                creations.Add((created, target, batch));
                created += batch.Created;
                stages.Add(await MeasureAsync(host, $"After creating {Units.Count(created)} agents", created, cancellationToken));
            }
        }
        finally
        {
            Write(report, stages, creations, cpu.Stop());
        }
    }

    async Task<MemoryStage> MeasureAsync(SwarmHostProcess host, string name, int agents, CancellationToken cancellationToken)
    {
        Progress.Write($"{Name}: {name}: {TasksPerStage} tasks, then {Units.Seconds(Settle)} of rest");
        var run = await new TaskBatch(host.Api, options.Clients, TimeSpan.FromMilliseconds(100)).RunAsync(TasksPerStage, "memory task", cancellationToken);
        if (run.TimedOut)
        {
            throw new TimeoutException($"The {TasksPerStage} tasks before the reading '{name}' had not finished when the scenario's time ran out.");
        }

        await Task.Delay(Settle, cancellationToken);
        var memory = host.Memory();
        var azurite = storage?.AzuritePid is { } pid ? ProcessMemory.Read(pid) : null;
        var heap = await host.ReadManagedHeapAsync(cancellationToken);
        return new MemoryStage(name, agents, run.Completed.Count(), memory, heap, azurite);
    }

    static void Write(MarkdownReport report, List<MemoryStage> stages, List<(int From, int To, AgentBatchResult Result)> creations, CpuUsage usage)
    {
        report.Heading(3, "Results");
        report.Table(
            ["Stage", "Agents created", "Tasks completed before", "Host RSS", "Host peak RSS", "GC committed", "Live managed heap", "Azurite RSS"],
            stages.Select(s => (IReadOnlyList<string>)
            [
                s.Name, Units.Count(s.AgentsCreated), Units.Count(s.TasksCompleted), Units.Bytes(s.Host?.ResidentBytes), Units.Bytes(s.Host?.PeakResidentBytes),
                Units.Bytes(s.Heap?.CommittedBytes), Units.Bytes(s.Heap?.LiveBytes), Units.Bytes(s.Azurite?.ResidentBytes),
            ]));

        var notes = creations.Select(c =>
            $"Creating agents {c.From + 1} to {c.To}: {Units.Count(c.Result.Created)} created in {Units.Seconds(c.Result.Elapsed)} ({Units.Rate(c.Result.PerSecond, "agents")}), per request {Units.P50P95(c.Result.Latency)}"
            + (c.Result.Refused.FirstOrDefault() is { } refused ? $"; {Units.Count(c.Result.Refused.Count())} refused, e.g. {refused.Status}: {refused.Problem}" : string.Empty) + ".").ToList();
        if (stages.Count >= 3 && stages[^1].AgentsCreated > stages[^2].AgentsCreated)
        {
            var (before, after) = (stages[^2], stages[^1]);
            var added = after.AgentsCreated - before.AgentsCreated;
            notes.Add($"Per agent added between the last two stages ({Units.Count(added)} agents): RSS {PerAgent(before.Host?.ResidentBytes, after.Host?.ResidentBytes, added)}, "
                + $"live managed heap {PerAgent(before.Heap?.LiveBytes, after.Heap?.LiveBytes, added)}.");
        }

        if (stages.FirstOrDefault(s => s.Heap is not null)?.Heap is { } heap)
        {
            notes.Add($"The host runs the {(heap.ServerGc ? "server" : "workstation")} garbage collector (an ASP.NET Core app's default is server GC).");
        }

        notes.Add($"CPU over the whole scenario {Units.Cpu(usage)}.");
        report.Bullets(notes);
    }

    static string PerAgent(long? before, long? after, int added) =>
        before is { } b && after is { } a ? Units.Bytes((a - b) / added) : "n/a";
}
