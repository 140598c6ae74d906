using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Domain.Agents;
using Swarm.Providers;
using Swarm.Providers.Accounting;
using Swarm.Runtime.Configuration;
using Swarm.Workflows.Agents;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: the ceiling of the durable engine itself. The part of a task's workflow that uses no entities (the agent
/// turn: <see cref="AgentTurnOrchestrator"/> calling <see cref="InvokeAgentActivity"/> on the simulated provider) runs on
/// the in-process Durable Task host, whose backend is in memory: no storage, no entities, no claims, no HTTP.
/// </summary>
sealed class InMemoryEngineScenario(BenchmarkOptions options) : IScenario
{
    const int WarmUpOrchestrations = 100;

    /// <summary>Bounds the scheduling calls in flight; the orchestrations themselves all run at once.</summary>
    const int SchedulingConcurrency = 64;

    public string Name => "inmemory";

    public string Title => "Ceiling of the in-memory engine (agent turn only)";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = SwarmSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["system:environment"] = "development",
            ["database:connectionString"] = "UseDevelopmentStorage=true",
            ["security:jwt:secret"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            ["providers:simulated:latencyMs"] = "0",
        }).Build());
        using var catalog = new ProviderCatalog(settings.Providers, TimeProvider.System, new ProviderMetrics());
        Progress.Write($"{Name}: starting the in-process Durable Task host");
        await using var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator<AgentTurnOrchestrator>();
                tasks.AddActivity<InvokeAgentActivity>();
            },
            new DurableTaskTestHostOptions
            {
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services => services.AddSingleton<IChatClientProvider>(catalog).AddSingleton(ModelCallLimits.Default),
            },
            cancellationToken);

        Progress.Write($"{Name}: warm-up ({WarmUpOrchestrations} turns), then {options.InMemoryOrchestrations} turns at once");
        await RunTurnsAsync(host.Client, WarmUpOrchestrations, cancellationToken);
        var cpu = CpuWindow.Start(("benchmark (engine, worker and client in one process)", Environment.ProcessId));
        var turns = await RunTurnsAsync(host.Client, options.InMemoryOrchestrations, cancellationToken);
        var usage = cpu.Stop();

        var completed = turns.Where(t => t.Status == OrchestrationRuntimeStatus.Completed).ToList();
        var first = turns.Min(t => t.ScheduledAt);
        var last = completed.Count > 0 ? completed.Max(t => t.CompletedAt) : first;
        report.Paragraph(
            "**This excludes entities, agent slot claims and releases, storage and HTTP**: it is the agent turn alone (`AgentTurnOrchestrator` calling "
            + "`InvokeAgentActivity`, which asks the simulated provider through the provider catalog with 0 ms latency), on the in-process Durable Task host "
            + "(`Microsoft.DurableTask.InProcessTestHost`: an in-memory backend behind a gRPC sidecar, with the worker and the client in this process). "
            + $"{Units.Count(options.InMemoryOrchestrations)} orchestrations are scheduled at once (at most {SchedulingConcurrency} scheduling calls in flight) after {WarmUpOrchestrations} warm-up turns.");
        report.Heading(3, "Results");
        report.Table(["Measure", "Value"], new List<IReadOnlyList<string>>
        {
            new[] { "Orchestrations completed / started", $"{Units.Count(completed.Count)} / {Units.Count(turns.Count)}" },
            new[] { "Wall time, first scheduled to last completed", Units.Seconds(last - first) },
            new[] { "Throughput", last > first ? Units.Rate(completed.Count / (last - first).TotalSeconds, "orchestrations") : "n/a" },
            new[] { "CPU", Units.Cpu(usage) },
        });
        report.LatencyTable(
        [
            ("Scheduling call (client to sidecar)", LatencySummary.Of(turns.Select(t => t.SchedulingTook))),
            ("Scheduled until completion, as the client saw it", LatencySummary.Of(completed.Select(t => t.CompletedAt - t.ScheduledAt))),
        ]);
        report.Heading(3, "What bounds these numbers");
        report.Bullets(
        [
            $"CPU only: the engine, the worker, the simulated model and the client share this process ({Units.Cpu(usage)}).",
            "No storage round trips and no polling intervals: the in-memory backend hands work items over at once. The difference from the throughput run is what the persistent backend, entities and HTTP cost.",
        ]);
    }

    static async Task<List<TurnTiming>> RunTurnsAsync(DurableTaskClient client, int count, CancellationToken cancellationToken)
    {
        var profile = new AgentProfile("bench-worker", "Benchmark worker", AgentType.Worker, new ProviderSettings(ProviderSettings.SimulatedType, "bench"), 100);
        var clock = Stopwatch.StartNew();
        var waits = new ConcurrentBag<Task<TurnTiming>>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = SchedulingConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var scheduledAt = clock.Elapsed;
                var turn = new AgentTurn($"task-bench-{i}", profile, $"bench turn {i}");
                var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(AgentTurnOrchestrator), turn, token);
                var schedulingTook = clock.Elapsed - scheduledAt;
                waits.Add(WaitAsync(client, id, scheduledAt, schedulingTook, clock, cancellationToken));
            });
        return [.. await Task.WhenAll(waits)];
    }

    static async Task<TurnTiming> WaitAsync(DurableTaskClient client, string id, TimeSpan scheduledAt, TimeSpan schedulingTook, Stopwatch clock, CancellationToken cancellationToken)
    {
        var metadata = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cancellationToken);
        return new TurnTiming(scheduledAt, schedulingTook, clock.Elapsed, metadata.RuntimeStatus);
    }

    /// <summary>One turn's times on the benchmark's stopwatch.</summary>
    sealed record TurnTiming(TimeSpan ScheduledAt, TimeSpan SchedulingTook, TimeSpan CompletedAt, OrchestrationRuntimeStatus Status);
}
