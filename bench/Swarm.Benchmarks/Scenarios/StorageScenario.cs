using System.Security.Cryptography;
using Swarm.Application.Configuration;
using Swarm.Benchmarks.Baseline;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.StorageRequests;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Storage requests per completed <c>single</c> task, by kind, against a baseline in the same run: the local host on an
/// Azurite of its own whose access log is counted, then, on a fresh Azurite, a plain DurableTask.Core worker running
/// one orchestration with one activity per task (what a user would build without the swarm), the same number of tasks
/// from the same number of clients. Also Azurite's CPU per task and throughput for each, and their ratios.
/// </summary>
sealed class StorageScenario(BenchmarkOptions options) : IScenario
{
    /// <summary>Short, so the model is not what bounds throughput, and not zero, so a call still takes time as a real one does.</summary>
    public const int ModelLatencyMs = 20;

    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(100);

    public string Name => "storage";

    public string Title => "Storage requests per task, against a plain orchestration baseline";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = LocalHostSetup.Setting(ModelLatencyMs),
            ["providers__simulated__latencyJitterMs"] = "0",
            ["defaultAgent__maxConcurrency"] = LocalHostSetup.Setting(LocalHostSetup.DefaultAgentConcurrency),
        };
        var (swarm, durable, hostSettings) = await MeasureSwarmAsync(settings, cancellationToken);
        var baseline = await MeasureBaselineAsync(durable, cancellationToken);
        StorageComparisonReport.Write(report, options, swarm, baseline, hostSettings, settings);
    }

    async Task<(StorageWorkload Workload, DurableSettings Durable, IEnumerable<string> HostSettings)> MeasureSwarmAsync(
        Dictionary<string, string> settings, CancellationToken cancellationToken)
    {
        Progress.Write($"{Name}: starting Azurite for the swarm");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        await using var host = await LocalHostSetup.StartAsync(azurite.Storage, options, Name, settings, cancellationToken);
        await LocalHostSetup.RunFirstTaskAsync(host, cancellationToken);
        Progress.Write($"{Name}: swarm: warm-up ({options.Clients} tasks)");
        await new TaskBatch(host.Api, options.Clients, PollPause).RunAsync(options.Clients, "warm-up task", cancellationToken);

        Progress.Write($"{Name}: swarm: {options.StorageTasks} tasks from {options.Clients} clients");
        var workload = await new WorkloadMeter(azurite, options.StorageLogFolder).MeasureAsync(
            "swarm",
            [("local host", host.Pid), ("benchmark", Environment.ProcessId)],
            async token =>
            {
                var run = await new TaskBatch(host.Api, options.Clients, PollPause).RunAsync(options.StorageTasks, "storage task", token);
                var completed = run.Completed.Select(o => o.Submission.Id!).ToList();
                return new BatchRun(run.Submissions.Count, completed.Count, run.WallTime, run.Polls, completed, run.TimedOut);
            },
            (id, token) => host.Api.GetTaskAsync(id, token),
            cancellationToken);
        return (workload, host.Settings.Durable, [.. LocalHostSetup.DescribeSettings(host, settings, options)]);
    }

    async Task<StorageWorkload> MeasureBaselineAsync(DurableSettings durable, CancellationToken cancellationToken)
    {
        Progress.Write($"{Name}: starting a fresh Azurite for the baseline");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var hub = "benchplain" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await using var worker = await PlainWorker.StartAsync(azurite.Storage.ConnectionString, hub, durable, TimeSpan.FromMilliseconds(ModelLatencyMs));
        var first = await new PlainTaskBatch(worker.Client, 1, PollPause).RunAsync(1, "first", cancellationToken);
        if (first.Completed != 1)
        {
            throw new InvalidOperationException("The baseline's first orchestration did not complete.");
        }

        Progress.Write($"{Name}: baseline: warm-up ({options.Clients} orchestrations)");
        await new PlainTaskBatch(worker.Client, options.Clients, PollPause).RunAsync(options.Clients, "warm-up", cancellationToken);

        Progress.Write($"{Name}: baseline: {options.StorageTasks} orchestrations from {options.Clients} clients");
        return await new WorkloadMeter(azurite, options.StorageLogFolder).MeasureAsync(
            "baseline",
            [("benchmark (worker and client)", Environment.ProcessId)],
            async token =>
            {
                var run = await new PlainTaskBatch(worker.Client, options.Clients, PollPause).RunAsync(options.StorageTasks, "storage task", token);
                return new BatchRun(run.Submitted, run.Completed, run.WallTime, run.Polls, run.CompletedIds, run.TimedOut);
            },
            (id, _) => worker.Client.GetOrchestrationStateAsync(new DurableTask.Core.OrchestrationInstance { InstanceId = id }),
            cancellationToken);
    }
}
