using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Application.Configuration;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Domain.Agents;
using Swarm.Providers;
using Swarm.Providers.Accounting;
using Swarm.Tests;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: the durable engine without storage. The part of a task's workflow that uses no entities (the agent turn:
/// <see cref="AgentTurnOrchestrator"/> calling <see cref="InvokeAgentActivity"/> on the simulated provider) runs on the
/// in-process Durable Task host the workflow tests use, whose backend is in memory: no storage, no entities, no claims,
/// no HTTP. Turns run one at a time (the engine's own cost per turn) and then many at once (what the host sustains).
/// </summary>
sealed class InMemoryEngineScenario(BenchmarkOptions options) : IScenario
{
    const int WarmUpTurns = 20;

    const int SequentialTurns = 200;

    /// <summary>Scheduling calls in flight at once when starting many turns: enough to start them all within moments.</summary>
    const int SchedulingConcurrency = 32;

    /// <summary>How often the many-at-once run asks which turns have finished; its latencies come from the host's own timestamps.</summary>
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(20);

    public string Name => "inmemory";

    public string Title => "The in-memory engine: agent turns without storage, entities or HTTP";

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

        // The test host's gRPC sidecar logs every call to the console at Information, which would land in the report.
        if (Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is null)
        {
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        }

        Progress.Write($"{Name}: starting the in-process Durable Task host");
        await using var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator<AgentTurnOrchestrator>();
                tasks.AddActivity<InvokeAgentActivity>();
            },
            new DurableTaskTestHostOptions
            {
                // Below the ephemeral range, like the local host's ports (see FreePorts).
                Port = FreePorts.Next(),
                ConfigureServices = services => services.AddSingleton<IChatClientProvider>(catalog).AddSingleton(ModelCallLimits.Default).AddSingleton<Swarm.Workflows.Tools.IToolServers, Swarm.Workflows.Tools.NoToolServers>(),
            },
            cancellationToken);
        var turns = new TurnRunner(host.Client);

        Progress.Write($"{Name}: {WarmUpTurns} warm-up turns, then {SequentialTurns} one at a time");
        await turns.OneAtATimeAsync(WarmUpTurns, cancellationToken);
        var sequentialCpu = CpuWindow.Start(("benchmark", Environment.ProcessId));
        var sequential = await turns.OneAtATimeAsync(SequentialTurns, cancellationToken);
        var sequentialUsage = sequentialCpu.Stop();

        Progress.Write($"{Name}: {options.InMemoryOrchestrations} turns at once");
        var concurrentCpu = CpuWindow.Start(("benchmark", Environment.ProcessId));
        var concurrent = await turns.AllAtOnceAsync(options.InMemoryOrchestrations, PollPause, cancellationToken);
        var concurrentUsage = concurrentCpu.Stop();

        Write(report, sequential, sequentialUsage, concurrent, concurrentUsage);
    }

    void Write(MarkdownReport report, TurnRun sequential, CpuUsage sequentialUsage, TurnRun concurrent, CpuUsage concurrentUsage)
    {
        report.Paragraph(
            "**This excludes entities, agent slot claims and releases, storage and HTTP.** It is the agent turn alone: `AgentTurnOrchestrator` calling "
            + "`InvokeAgentActivity`, which asks the simulated provider (0 ms latency) through the provider catalog, on the in-process Durable Task host the "
            + "workflow tests use (`Microsoft.DurableTask.InProcessTestHost`: an in-memory backend behind a gRPC sidecar, the SDK's worker and client, all in this process). "
            + $"After {WarmUpTurns} warm-up turns: {SequentialTurns} turns one at a time, each scheduled when the one before completed, then "
            + $"{Units.Count(options.InMemoryOrchestrations)} turns scheduled at once ({SchedulingConcurrency} scheduling calls at a time). Latencies are the durable instance's own `createdAt` to `lastUpdatedAt`.");
        var cpuPerTurn = sequential.Completed > 0 ? sequentialUsage.Processes[0].Cpu.TotalMilliseconds / sequential.Completed : double.NaN;
        report.Heading(3, "Results");
        report.Table(["Measure", "One at a time", "All at once"], new List<IReadOnlyList<string>>
        {
            new[] { "Turns completed / started", $"{Units.Count(sequential.Completed)} / {Units.Count(sequential.Started)}", $"{Units.Count(concurrent.Completed)} / {Units.Count(concurrent.Started)}" },
            new[] { "Wall time, first scheduled to last completed", Units.Seconds(sequential.WallTime), Units.Seconds(concurrent.WallTime) },
            new[] { "Throughput", Units.Rate(sequential.PerSecond, "turns"), Units.Rate(concurrent.PerSecond, "turns") },
            new[] { "Latency per turn (`createdAt` to `lastUpdatedAt`)", Units.P50P95(sequential.Latency), Units.P50P95(concurrent.Latency) },
            new[] { "Scheduling call (client to sidecar over gRPC)", Units.P50P95(sequential.Scheduling), Units.P50P95(concurrent.Scheduling) },
            new[] { "CPU", Units.Cpu(sequentialUsage), Units.Cpu(concurrentUsage) },
            new[] { "CPU per turn (this process, one at a time)", double.IsFinite(cpuPerTurn) ? Units.Ms(cpuPerTurn) : "n/a", string.Empty },
        });
        report.Heading(3, "What bounds these numbers");
        report.Bullets(
        [
            "No storage round trips and no queue polling: the in-memory backend hands a work item over as soon as it exists, so one at a time shows the engine's own "
                + "cost per turn (two orchestration episodes, one activity, gRPC between sidecar and worker) on this machine's CPU.",
            $"All at once is bounded by the test host, not by the engine: its in-memory backend allows as many orchestration (and activity) work items in flight as the "
                + $"machine has processors ({Environment.ProcessorCount} here), and its sidecar's dispatcher, once that many are in flight, checks again every 500 ms "
                + "instead of being told when one finishes (`WorkItemDispatcher` in `Microsoft.DurableTask.InProcessTestHost`). Compare the two columns' throughput.",
            double.IsFinite(cpuPerTurn) && cpuPerTurn > 0
                ? $"If turns cost only CPU, this machine's {Environment.ProcessorCount} cores could run about {Units.Rate(Environment.ProcessorCount * 1000 / cpuPerTurn, "turns")} "
                    + "(cores divided by the CPU per turn measured one at a time): an estimate of the engine's ceiling without storage, not a measurement."
                : "CPU per turn could not be measured.",
        ]);
    }

    /// <summary>Schedules agent turns on the test host and times them.</summary>
    sealed class TurnRunner(DurableTaskClient client)
    {
        readonly AgentProfile agent = new("bench-worker", "Benchmark worker", AgentType.Worker, new ProviderSettings(ProviderSettings.SimulatedType, "bench"), 100);
        int next;

        public async Task<TurnRun> OneAtATimeAsync(int count, CancellationToken cancellationToken)
        {
            var timings = new List<TurnTiming>();
            for (var i = 0; i < count; i++)
            {
                var (id, scheduling) = await ScheduleAsync(cancellationToken);
                var metadata = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cancellationToken);
                timings.Add(new TurnTiming(scheduling, metadata));
            }

            return new TurnRun(timings);
        }

        /// <summary>
        /// Schedules every turn, then asks which have finished, one instance at a time: a wait per turn would hold a gRPC
        /// call open per turn on the one channel the test host's worker and client share.
        /// </summary>
        public async Task<TurnRun> AllAtOnceAsync(int count, TimeSpan pollPause, CancellationToken cancellationToken)
        {
            var scheduled = new System.Collections.Concurrent.ConcurrentBag<(string Id, TimeSpan Scheduling)>();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = SchedulingConcurrency, CancellationToken = cancellationToken },
                async (_, token) => scheduled.Add(await ScheduleAsync(token)));
            var pending = scheduled.ToList();
            var timings = new List<TurnTiming>();
            while (pending.Count > 0)
            {
                foreach (var turn in pending.ToList())
                {
                    if (await client.GetInstanceAsync(turn.Id, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: true } metadata)
                    {
                        timings.Add(new TurnTiming(turn.Scheduling, metadata));
                        pending.Remove(turn);
                    }
                }

                await Task.Delay(pollPause, cancellationToken);
            }

            return new TurnRun(timings);
        }

        async Task<(string Id, TimeSpan Scheduling)> ScheduleAsync(CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref next);
            var clock = Stopwatch.StartNew();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(AgentTurnOrchestrator), new AgentTurn($"task-bench-{number}", agent, $"bench turn {number}"), cancellationToken);
            return (id, clock.Elapsed);
        }
    }

    /// <summary>One turn: how long scheduling it took, and the durable instance as it ended.</summary>
    sealed record TurnTiming(TimeSpan Scheduling, OrchestrationMetadata Instance);

    /// <summary>A run of turns, summarized from the instances' own timestamps.</summary>
    sealed record TurnRun(IReadOnlyList<TurnTiming> Timings)
    {
        IEnumerable<TurnTiming> Done => Timings.Where(t => t.Instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed);

        public int Started => Timings.Count;

        public int Completed => Done.Count();

        public TimeSpan WallTime => Timings.Count > 0 ? Timings.Max(t => t.Instance.LastUpdatedAt) - Timings.Min(t => t.Instance.CreatedAt) : TimeSpan.Zero;

        public double PerSecond => WallTime > TimeSpan.Zero ? Completed / WallTime.TotalSeconds : 0;

        public LatencySummary? Latency => LatencySummary.Of(Done.Select(t => t.Instance.LastUpdatedAt - t.Instance.CreatedAt));

        public LatencySummary? Scheduling => LatencySummary.Of(Timings.Select(t => t.Scheduling));
    }
}
