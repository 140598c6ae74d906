using System.Diagnostics;
using Azure.Data.Tables;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Several local hosts on one task hub (issue 17): for each dispatch shard count asked for (<c>--dispatch-shards</c>),
/// for 1, 2 and 3 hosts on a fresh hub of this run's Azurite, the same agents and the same number of single tasks,
/// submitted to every host by its share of the clients, and how many finished per second. On one machine the hosts share
/// its cores and one Azurite, so this shows that the hosts share the work correctly more than that they add speed.
/// </summary>
sealed class HostsScenario(BenchmarkOptions options, StorageEndpoint? storage) : IScenario
{
    const int MostHosts = 3;

    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the hosts are given to share out the hub's partitions before the measured run.</summary>
    static readonly TimeSpan BalancePatience = TimeSpan.FromSeconds(90);

    public string Name => "hosts";

    /// <summary>The expertise of the agents the scenario creates, which every task names, so no task runs on the default agent.</summary>
    const string Capability = "hosts-work";

    public string Title => "Several hosts on one task hub: throughput with 1, 2 and 3 local hosts, per dispatch shard count";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string>>();
        double? oneHost = null;
        var notes = new List<string>();
        var agentConcurrency = LocalHostSetup.CreatedAgentConcurrency(options);
        foreach (var shards in options.DispatchShards)
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["providers__simulated__latencyMs"] = "0",
                ["dispatch__shards"] = LocalHostSetup.Setting(shards),
            };
            for (var count = 1; count <= MostHosts; count++)
            {
                await RunAsync(shards, count, settings, agentConcurrency, rows, notes, oneHost, rate => oneHost ??= rate, cancellationToken);
            }
        }

        report.Paragraph(
            $"For each dispatch shard count ({string.Join(", ", options.DispatchShards)}) and each host count, a fresh task hub: the first host starts alone and runs one task (a cold start), "
            + $"creates {Units.Count(options.Agents)} simulated specialist agents of {agentConcurrency} seats each with the expertise `{Capability}`, the others join it with the same hub, tables and JWT key, "
            + $"and once every host's durable worker holds a partition lease (the hub's `Partitions` table; {Units.Seconds(BalancePatience)} at most) "
            + $"{Units.Count(options.Tasks)} single tasks needing `{Capability}` (so none runs on the default agent) are submitted through `POST /api/v1/tasks`, each host taking its share of the tasks from its share of {options.Clients} clients, "
            + "and polled through the host that accepted them until they end. Throughput: completed tasks over the time from the first submission to the last task's end, "
            + "and its ratio to one host with the first shard count.");
        report.Table(["Shards", "Hosts", "Completed", "Failed or unfinished", "Wall time", "Throughput", "÷ the first row's", "Every host held a partition", "CPU"], rows);
        report.Bullets(
        [
            "What bounds it: the hosts and Azurite share this machine's cores, so a second host adds workers but no cores; with one shard every step of every task passes through the one dispatcher entity, "
                + "which one worker at a time processes; with more, each shard is an entity of its own that another worker can process, and a step asks its home shard first and the others in turn. "
                + "On one machine the table shows that the work is shared out and finished, not speed-up.",
            .. notes,
        ]);
    }

    async Task RunAsync(
        int shards, int count, Dictionary<string, string> settings, int agentConcurrency, List<IReadOnlyList<string>> rows, List<string> notes, double? oneHost, Action<double> measured, CancellationToken cancellationToken)
    {
        {
            var hosts = new List<SwarmHostProcess>();
            try
            {
                hosts.Add(await LocalHostSetup.StartAsync(storage, options, $"{Name}{count}", settings, cancellationToken));
                var first = hosts[0];
                var shared = new Dictionary<string, string>(settings, StringComparer.Ordinal)
                {
                    ["durable__taskHub"] = first.Settings.Durable.TaskHub,
                    ["database__tablePrefix"] = first.Settings.Database.TablePrefix,
                    ["JWT_SECRET"] = first.Settings.Security.Jwt.Secret!,
                };
                for (var i = 1; i < count; i++)
                {
                    hosts.Add(await SwarmHostProcess.StartAsync(storage!, $"{Name}{count}", shared, options.HostSettings, cancellationToken));
                }

                await LocalHostSetup.RunFirstTaskAsync(first, cancellationToken);
                var agents = await Task.WhenAll(Enumerable.Range(1, options.Agents).Select(i =>
                    first.Api.CreateVoterAsync($"h{i}", Capability, "bench", agentConcurrency, cancellationToken)));
                if (agents.FirstOrDefault(a => !a.Created) is { } refused)
                {
                    throw new InvalidOperationException($"An agent was not created: {refused.Status} {refused.Problem}");
                }

                var balanced = await WaitUntilEveryHostOwnsAPartitionAsync(hosts, cancellationToken);
                Progress.Write($"{Name}: {shards} shard(s), {count} host(s), {options.Tasks} tasks from {options.Clients} clients");
                var cpu = CpuWindow.Start([.. hosts.Select((h, i) => ($"host {i + 1}", h.Pid)), .. storage?.AzuritePid is { } azurite ? [("Azurite", azurite)] : Array.Empty<(string, int)>()]);
                var clock = Stopwatch.StartNew();
                var batches = await Task.WhenAll(hosts.Select((h, i) =>
                    new TaskBatch(h.Api, Math.Max(1, options.Clients / count), PollPause, Capability).RunAsync(Share(options.Tasks, count, i), $"{Name}{count} task", cancellationToken)));
                var elapsed = clock.Elapsed;
                var usage = cpu.Stop();
                var completed = batches.Sum(b => b.Completed.Count());
                var failed = batches.Sum(b => b.Failed.Count() + b.Unfinished.Count() + b.Rejected.Count());
                var first0 = batches.Where(b => b.FirstSubmitAt is not null).Min(b => b.FirstSubmitAt!.Value);
                var last = batches.Where(b => b.LastFinishedAt is not null).Select(b => b.LastFinishedAt!.Value).DefaultIfEmpty(first0).Max();
                var wall = last - first0;
                var rate = wall > TimeSpan.Zero ? completed / wall.TotalSeconds : 0;
                measured(rate);
                oneHost ??= rate;
                rows.Add(
                [
                    Units.Count(shards),
                    Units.Count(count),
                    Units.Count(completed),
                    Units.Count(failed),
                    Units.Seconds(wall),
                    Units.Rate(rate, "tasks"),
                    oneHost > 0 ? (rate / oneHost.Value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x" : "–",
                    balanced ? "yes" : "no, within " + Units.Seconds(BalancePatience),
                    Units.Cpu(usage),
                ]);
                notes.Add($"{shards} shard(s), {count} host(s): measured over {Units.Seconds(elapsed)} of the benchmark's clock.");
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync();
                }
            }
        }

    }

    static int Share(int total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);

    /// <summary>Whether, within <see cref="BalancePatience"/>, every host's worker came to own at least one of the hub's partitions.</summary>
    async Task<bool> WaitUntilEveryHostOwnsAPartitionAsync(List<SwarmHostProcess> hosts, CancellationToken cancellationToken)
    {
        if (hosts.Count == 1 || storage is null)
        {
            return true;
        }

        var partitions = new TableServiceClient(storage.ConnectionString).GetTableClient(hosts[0].Settings.Durable.TaskHub + "Partitions");
        var workers = hosts.Select(h => Environment.MachineName + ":" + h.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var deadline = DateTime.UtcNow + BalancePatience;
        while (DateTime.UtcNow < deadline)
        {
            var owners = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var lease in partitions.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
            }

            if (workers.All(owners.Contains))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return false;
    }
}
