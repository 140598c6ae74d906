using System.Globalization;
using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// What the scenarios on the local host share: starting one on this run's Azurite, its first task (a cold start:
/// partition leases, queues and tables created, code compiled), and how its settings read in the report.
/// </summary>
static class LocalHostSetup
{
    /// <summary>The default agent's slots: high, so that tasks running on it (before task distribution, all of them) are not limited by its slots.</summary>
    public const int DefaultAgentConcurrency = 1000;

    public static async Task<SwarmHostProcess> StartAsync(
        StorageEndpoint? storage, BenchmarkOptions options, string label, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        if (storage is null)
        {
            throw new InvalidOperationException(
                $"This scenario runs the local host on Azurite, which ./bench.sh starts (it sets {StorageEndpoint.ConnectionStringVariable}); run it through ./bench.sh.");
        }

        Progress.Write($"{label}: starting the local host");
        var host = await SwarmHostProcess.StartAsync(storage, label, settings, options.HostSettings, cancellationToken);
        Progress.Write($"{label}: local host ready (pid {host.Pid}) after {Units.Seconds(host.StartupTime)}");
        return host;
    }

    /// <exception cref="InvalidOperationException">The first task did not complete: nothing after it would measure anything.</exception>
    public static async Task<TaskOutcome> RunFirstTaskAsync(SwarmHostProcess host, CancellationToken cancellationToken)
    {
        var first = await new TaskBatch(host.Api, clients: 1, TimeSpan.FromMilliseconds(50)).RunAsync(1, "first task", cancellationToken);
        var outcome = first.Outcomes.SingleOrDefault();
        if (outcome?.Last is not { IsCompleted: true })
        {
            throw new InvalidOperationException(
                $"The local host's first task did not complete ({first.Submissions.SingleOrDefault()?.Problem ?? outcome?.Last?.Status ?? "no answer"}):{Environment.NewLine}{host.RecentOutput}");
        }

        return outcome;
    }

    /// <summary>The processes whose CPU a scenario on the local host reports: the host, Azurite (when known) and this benchmark.</summary>
    public static (string Label, int Pid)[] MeasuredProcesses(SwarmHostProcess host, StorageEndpoint? storage) =>
        storage?.AzuritePid is { } azurite
            ? [("local host", host.Pid), ("Azurite", azurite), ("benchmark", Environment.ProcessId)]
            : [("local host", host.Pid), ("benchmark", Environment.ProcessId)];

    /// <summary>Per created agent: enough slots that the created agents together could hold every task of the run at once.</summary>
    public static int CreatedAgentConcurrency(BenchmarkOptions options) => Math.Clamp((options.Tasks + options.Agents - 1) / options.Agents, 1, 100);

    public static string Setting(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The settings a scenario's host ran with: what the benchmark set, and what was in force for the rest.</summary>
    public static IEnumerable<string> DescribeSettings(SwarmHostProcess host, IReadOnlyDictionary<string, string> settings, BenchmarkOptions options)
    {
        var s = host.Settings;
        yield return $"Local host `{Path.GetRelativePath(RepositoryLayout.Root, RepositoryLayout.LocalHostDll)}` as a child process (pid {host.Pid}), on its own task hub and table prefix on this run's Azurite; ready {Units.Seconds(host.StartupTime)} after it was started.";
        yield return "Set by the benchmark: " + string.Join(", ", HostEnvironment.Baseline.Concat(settings).Select(e => $"`{e.Key}={e.Value}`"))
            + " (the rate limit is off so the benchmark's clients are not throttled).";
        if (options.HostSettings.Count > 0)
        {
            yield return "Set with --host-setting: " + string.Join(", ", options.HostSettings.Select(e => $"`{e.Key}={e.Value}`")) + ".";
        }

        yield return $"In force (the host's defaults where not set above): durable `partitionCount` {s.Durable.PartitionCount}, "
            + $"`maxQueuePollingIntervalMs` {s.Durable.MaxQueuePollingIntervalMs} (how far an idle queue's polling backs off), "
            + $"`messageVisibilityTimeoutSeconds` {s.Durable.MessageVisibilityTimeoutSeconds}, `leaseIntervalSeconds` {s.Durable.LeaseIntervalSeconds}; "
            + $"simulated provider latency {s.Providers.Simulated.LatencyMs} ms (+ up to {s.Providers.Simulated.LatencyJitterMs} ms jitter), at most {s.Providers.Simulated.MaxConcurrency} calls in flight; "
            + $"default agent `{s.DefaultAgent.Id}` ({s.DefaultAgent.Type}, maxConcurrency {s.DefaultAgent.MaxConcurrency}); `system.maxAgents` {s.System.MaxAgents}; "
            + $"audit trail {(s.Security.AuditEnabled ? "on (a Table write per state-changing request)" : "off")}.";
    }
}
