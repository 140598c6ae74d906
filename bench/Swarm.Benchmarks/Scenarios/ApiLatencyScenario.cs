using System.Globalization;
using System.Text.Json;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// The API under load with a history behind it: first a number of real tasks are run to their end (the finished tasks
/// in the hub), then concurrent clients submit tasks, read their status and read the task list with its queue, each at
/// a fixed pace, for a fixed time. Per route p50/p95/p99 and the share of answers under 50 ms (the spec's figure).
/// </summary>
sealed class ApiLatencyScenario(BenchmarkOptions options, StorageEndpoint? storage) : IScenario
{
    /// <summary>The spec's figure: 95% of API answers under this.</summary>
    static readonly TimeSpan Goal = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The seeding's poll pause: long, because its status reads share the one storage emulator with the work they wait
    /// for (at 250 ms they were half of Azurite's requests), and when a seed task finished does not matter here.
    /// </summary>
    static readonly TimeSpan SeedPollPause = TimeSpan.FromSeconds(1);

    public string Name => "api";

    public string Title => "API latency under load, with finished tasks in the hub";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = "0",
            ["defaultAgent__maxConcurrency"] = LocalHostSetup.Setting(LocalHostSetup.DefaultAgentConcurrency),
        };
        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, settings, cancellationToken);
        await LocalHostSetup.RunFirstTaskAsync(host, cancellationToken);

        Progress.Write($"{Name}: running {options.ApiFinishedTasks} tasks to their end from {options.Clients} clients, {InFlight(options)}");
        var seed = await new TaskBatch(host.Api, options.Clients, SeedPollPause, maxInFlight: options.ApiSeedInFlight)
            .RunAsync(options.ApiFinishedTasks, "history task", cancellationToken);
        var finished = 1 + seed.Completed.Count() + seed.Failed.Count();
        if (seed.TimedOut)
        {
            throw new TimeoutException($"only {finished} of {options.ApiFinishedTasks + 1} tasks had finished when the time ran out; run with a larger --timeout or fewer --api-finished-tasks.");
        }

        var before = await QueueAsync(host, cancellationToken);
        var interval = TimeSpan.FromMilliseconds(options.ApiIntervalMs);
        Progress.Write($"{Name}: {options.ApiClients} clients for {options.ApiSeconds} s, one request each every {options.ApiIntervalMs} ms");
        var cpu = CpuWindow.Start(LocalHostSetup.MeasuredProcesses(host, storage));
        var mix = await new ApiMix(host.Api, options.ApiClients, interval).RunAsync(TimeSpan.FromSeconds(options.ApiSeconds), cancellationToken);
        var usage = cpu.Stop();
        var after = await QueueAsync(host, cancellationToken);

        report.Paragraph(
            $"First {Units.Count(finished)} tasks are run to their end on a fresh local host (one, then {Units.Count(options.ApiFinishedTasks)} from {options.Clients} clients, "
            + $"{InFlight(options)}, in {Units.Seconds(seed.WallTime ?? TimeSpan.Zero)}): those are the finished tasks in the hub. Then {options.ApiClients} concurrent clients each make one request "
            + $"every {Units.Ms(interval)} for {options.ApiSeconds} s, in turn: submit a task, read the status of the task it submitted last, read the first page (50) of the task "
            + "list with its queue. The tasks run on the default agent on the simulated model (0 ms).");
        report.Bullets(LocalHostSetup.DescribeSettings(host, settings, options));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var route in new[] { ApiMix.Submit, ApiMix.Status, ApiMix.List })
        {
            rows.Add(Row(route, mix.Samples.Where(s => s.Route == route).ToList()));
        }

        rows.Add(Row("All three", [.. mix.Samples]));
        report.Heading(3, "Results");
        report.Table(["Route", "requests", "errors", "p50", "p95", "p99", "max", $"under {Units.Ms(Goal)}"], rows);
        report.Bullets(
        [
            $"Requests: {Units.Count(mix.Samples.Count)} in {Units.Seconds(mix.Elapsed)} ({Units.Rate(mix.Samples.Count / mix.Elapsed.TotalSeconds, "requests")}).",
            $"Finished tasks in the hub when the clients started: {Units.Count(finished)}. Unfinished tasks (the queue, from the task index): before {before}, after {after}.",
            $"CPU during the clients' run: {Units.Cpu(usage)}.",
        ]);
    }

    static string InFlight(BenchmarkOptions options) => options.ApiSeedInFlight > 0
        ? $"at most {Units.Count(options.ApiSeedInFlight)} unfinished at a time"
        : "as fast as the API accepts them";

    static IReadOnlyList<string> Row(string route, List<ApiSample> samples)
    {
        var ok = samples.Where(s => s.Succeeded).ToList();
        var summary = LatencySummary.Of(ok.Select(s => s.Latency));
        var under = ok.Count == 0 ? "n/a" : Units.Percent(ok.Count(s => s.Latency < Goal) / (double)ok.Count);
        var errors = Errors(samples);
        return summary is { } l
            ? [route, Units.Count(samples.Count), errors, Units.Ms(l.P50), Units.Ms(l.P95), Units.Ms(l.P99), Units.Ms(l.Max), under]
            : [route, Units.Count(samples.Count), errors, "n/a", "n/a", "n/a", "n/a", under];
    }

    /// <summary>How many requests failed, and with what: each status and its count (0: no answer, the connection or the client's timeout).</summary>
    static string Errors(List<ApiSample> samples)
    {
        var failed = samples.Where(s => !s.Succeeded).ToList();
        return failed.Count == 0
            ? "0"
            : $"{Units.Count(failed.Count)} ({string.Join(", ", failed.CountBy(s => s.Status).OrderBy(c => c.Key).Select(c => $"{(c.Key == 0 ? "no answer" : c.Key.ToString(CultureInfo.InvariantCulture))} × {c.Value}"))})";
    }

    /// <summary>The queue's counts by status, as the task list shows them, in words.</summary>
    static async Task<string> QueueAsync(SwarmHostProcess host, CancellationToken cancellationToken)
    {
        var (status, _, body) = await host.Api.GetAsync("/api/v1/tasks?pageSize=1", cancellationToken);
        if (body is null)
        {
            return $"unknown ({status})";
        }

        using var document = JsonDocument.Parse(body);
        var counts = document.RootElement.GetProperty("queue").GetProperty("byStatus").EnumerateObject().Select(p => $"{p.Value.GetInt32()} {p.Name}").ToList();
        return counts.Count == 0 ? "none" : string.Join(", ", counts);
    }
}
