using System.Security.Cryptography;
using Swarm.Application.Configuration;
using Swarm.Benchmarks.Baseline;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.StorageRequests;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// The peer every task scenario is measured against, in the same run on the same Azurite: what a user would build
/// without the swarm, a plain DurableTask.Core worker on DurableTask.AzureStorage with one orchestration that calls one
/// activity per task, with the durable settings the local host would run with (its defaults and every
/// <c>--host-setting durable__…</c>). It runs the throughput scenario's load (tasks, clients, a model that answers at
/// once), counting Azurite's access log, and, when the overhead scenario runs, the overhead scenario's tasks one at a
/// time on a 1 s model. The figures go to <see cref="PeerBaseline"/> for the later scenarios' ratio columns.
/// </summary>
sealed class BaselineScenario(BenchmarkOptions options, StorageEndpoint? storage, PeerBaseline results) : IScenario
{
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(100);

    /// <summary>As the overhead scenario's: only one instance is in flight, so this is the resolution of its completion.</summary>
    static readonly TimeSpan OverheadPollPause = TimeSpan.FromMilliseconds(20);

    public string Name => "baseline";

    public string Title => "The baseline: a plain orchestration per task, on the same Azurite";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        if (storage?.AccessLogPath is null || storage.AzuritePid is not { } azuritePid)
        {
            throw new InvalidOperationException(
                $"The baseline runs on the Azurite ./bench.sh starts and counts its access log ({StorageEndpoint.AccessLogVariable}); run it through ./bench.sh.");
        }

        results.Missing = "the baseline scenario failed or ran out of time";
        var durable = LocalHostDurableSettings(storage, options);
        var hub = "benchpeer" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Progress.Write($"{Name}: starting a plain worker on the run's Azurite (task hub {hub})");
        await using var tail = AccessLogTail.Start(storage.AccessLogPath);
        StorageWorkload batch;
        await using (var worker = await PlainWorker.StartAsync(storage.ConnectionString, hub, durable, TimeSpan.Zero))
        {
            var first = await new PlainTaskBatch(worker.Client, 1, PollPause).RunAsync(1, "first", cancellationToken);
            if (first.Completed != 1)
            {
                throw new InvalidOperationException("The baseline's first orchestration did not complete.");
            }

            Progress.Write($"{Name}: warm-up ({options.Clients} orchestrations)");
            await new PlainTaskBatch(worker.Client, options.Clients, PollPause).RunAsync(options.Clients, "warm-up", cancellationToken);
            Progress.Write($"{Name}: {options.Tasks} orchestrations from {options.Clients} clients");
            batch = await new WorkloadMeter(tail.Log, azuritePid, options.StorageLogFolder, Name).MeasureAsync(
                "plain orchestration",
                [("benchmark (worker and client)", Environment.ProcessId)],
                async token =>
                {
                    var run = await new PlainTaskBatch(worker.Client, options.Clients, PollPause).RunAsync(options.Tasks, "bench task", token);
                    return new BatchRun(run.Submitted, run.Completed, run.WallTime, run.Polls, run.CompletedIds, run.TimedOut);
                },
                (id, _) => worker.Client.GetOrchestrationStateAsync(new DurableTask.Core.OrchestrationInstance { InstanceId = id }),
                cancellationToken);
        }

        results.Batch = batch;
        (LatencySummary? Overhead, int Completed)? overhead = options.Runs("overhead") ? await MeasureOverheadAsync(storage, durable, hub, cancellationToken) : null;
        results.OverheadMs = overhead?.Overhead;
        results.Missing = "not measured";
        Write(report, durable, batch, overhead);
    }

    /// <summary>What the local host would load from the environment the benchmark gives it, for its durable settings.</summary>
    static DurableSettings LocalHostDurableSettings(StorageEndpoint storage, BenchmarkOptions options)
    {
        var environment = HostEnvironment.For(storage, "benchpeer", 0, Path.GetTempPath(), new Dictionary<string, string>(), options.HostSettings);
        return HostEnvironment.EffectiveSettings(environment.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal)).Durable;
    }

    async Task<(LatencySummary? Overhead, int Completed)> MeasureOverheadAsync(
        StorageEndpoint storage, DurableSettings durable, string hub, CancellationToken cancellationToken)
    {
        var latency = TimeSpan.FromMilliseconds(OverheadScenario.ModelLatencyMs);
        Progress.Write($"{Name}: {options.OverheadTasks} orchestrations one at a time on a {latency.TotalMilliseconds:0} ms model");
        await using var worker = await PlainWorker.StartAsync(storage.ConnectionString, hub + "slow", durable, latency);
        await new PlainTaskBatch(worker.Client, 1, OverheadPollPause).RunAsync(1, "first", cancellationToken);
        var overheads = new List<double>();
        for (var i = 0; i < options.OverheadTasks; i++)
        {
            var one = await new PlainTaskBatch(worker.Client, 1, OverheadPollPause).RunAsync(1, $"overhead task {i}", cancellationToken);
            if (one.TimedOut)
            {
                throw new TimeoutException($"{Units.Count(i)} of {Units.Count(options.OverheadTasks)} one-at-a-time orchestrations ran before the scenario's time ran out.");
            }

            if (one.Completed == 1 && one.WallTime is { } wall)
            {
                overheads.Add((wall - latency).TotalMilliseconds);
            }
        }

        return (LatencySummary.Of(overheads), overheads.Count);
    }

    void Write(MarkdownReport report, DurableSettings durable, StorageWorkload batch, (LatencySummary? Overhead, int Completed)? overhead)
    {
        report.Paragraph(
            "What a user would build without the swarm, in this benchmark's process, on the Azurite the whole run uses (the throughput and overhead scenarios' "
            + "local hosts run on it after this): DurableTask.Core with DurableTask.AzureStorage, the packages and versions the local host runs on, one orchestration "
            + $"that calls one activity per task, no entities, no API, no audit trail. The throughput scenario's load: {Units.Count(options.Tasks)} instances "
            + $"started through `TaskHubClient` from {options.Clients} concurrent callers, each followed by reading its status until it finished, the activity answering at once. "
            + $"Before it: one instance on the fresh worker and {options.Clients} warm-up instances, not counted. "
            + "Every task scenario after this one reports its figures as ratios to these, measured the same way.");
        report.Bullets(
        [
            $"Durable settings, those the local host would run with (its defaults and `--host-setting`), set as `src/Swarm.LocalHost/Durable/AzureStorageBackend.cs` sets them: {Describe(durable)}.",
            "Storage requests: Azurite's access log (`./bench.sh` sends it to a file, which this benchmark follows) from the first start to the last completion, per completed task, "
                + "less the client's own status reads (their cost measured afterwards on the quiet worker, as the storage scenario does); a `$batch` counts as one request.",
        ]);
        report.Heading(3, "Results");
        report.Table(["Measure", "Plain orchestration"], new List<IReadOnlyList<string>>
        {
            new[] { "Completed / started", $"{Units.Count(batch.Completed)} / {Units.Count(batch.Submitted)}" },
            new[] { "Throughput (completed / first start to last completion)", batch.Throughput is { } t ? Units.Rate(t, "tasks") : "n/a" },
            new[] { "Storage requests per task, all kinds", BaselineComparison.Fixed(batch.PerTask(BaselineComparison.AllKinds)) },
            new[] { "… queue messages sent per task", BaselineComparison.Fixed(batch.PerTask([StorageRequestKind.QueueMessageSent])) },
            new[] { "… table batches (history writes) per task", BaselineComparison.Fixed(batch.PerTask([StorageRequestKind.TableBatch])) },
            new[] { "Azurite CPU per task", batch.AzuriteCpuPerTask is { } c ? Units.Ms(c) : "n/a" },
            new[] { "CPU over the window", Units.Cpu(batch.Cpu) },
            new[] { "Overhead on a 1 s model, one at a time (end to end minus 1 s)", overhead is { } o ? $"{Units.P50P95(o.Overhead)} ({Units.Count(o.Completed)} instances)" : "not run (the overhead scenario was not selected)" },
        });
    }

    static string Describe(DurableSettings d) =>
        $"`partitionCount` {d.PartitionCount}, `maxQueuePollingIntervalMs` {d.MaxQueuePollingIntervalMs}, "
        + $"`extendedSessions` {Or(d.ExtendedSessions?.ToString())}, `controlQueueBatchSize` {Or(d.ControlQueueBatchSize)}, "
        + $"`maxConcurrentOrchestrations` {Or(d.MaxConcurrentOrchestrations)}, `maxConcurrentActivities` {Or(d.MaxConcurrentActivities)}, "
        + $"`maxConcurrentEntities` {Or(d.MaxConcurrentEntities)}, `maxEntityOperationBatchSize` {Or(d.MaxEntityOperationBatchSize)}";

    static string Or(int? value) => Or(value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    static string Or(string? value) => value ?? "the backend's default";
}
