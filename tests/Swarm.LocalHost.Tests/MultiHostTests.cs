using System.Text.RegularExpressions;
using Azure.Data.Tables;
using DurableTask.Core.History;
using Swarm.Providers.Simulated;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Several local hosts on one task hub (one Azurite, one set of tables), as several instances of one swarm: tasks
/// submitted to any of them complete exactly once, SIGKILL of one loses nothing, and each occurrence of a periodic job
/// runs on one host only (issue 17).
/// </summary>
public sealed partial class MultiHostTests
{
    [Fact]
    public async Task Three_hosts_complete_every_task_once_when_one_is_killed_and_run_each_schedule_occurrence_once()
    {
        const int tasks = 12;
        var hosts = await LocalHostProcess.StartManyAsync(
            3,
            ("defaultAgent__maxConcurrency", "3"),
            ("providers__simulated__latencyMs", "1000"),
            ("LearningSchedule", "*/2 * * * * *"),
            ("durable__leaseIntervalSeconds", "15"),

            // Message visibility stays the test hosts' 15 s (LocalHostProcess says why). This test once set 5 s so the
            // killed host's messages came back sooner; a CI run on 2026-12-07 then saw one activity run by two workers
            // at once ("processed multiple times concurrently") and a task that had not finished after 3 minutes.
            ("Logging__LogLevel__Swarm.LocalHost.Schedules", "Information"));
        try
        {
            await TaskPolling.WaitForAgentAsync(hosts[0], "queen-1");
            var prompts = Enumerable.Range(0, tasks).Select(i => $"multi-host prompt {i}").ToList();
            var ids = new List<string>();
            for (var i = 0; i < tasks; i++)
            {
                ids.Add(await TaskPolling.SubmitAsync(hosts[i % hosts.Count], prompts[i]));
            }

            // A host that owns a partition dies with work in flight; the others take its partitions when its leases lapse.
            await TaskPolling.WaitUntilAnyIsRunningAsync(hosts[0], ids);
            var victim = await PartitionOwnerAsync(hosts);
            victim.KillHard();
            Assert.True(victim.HasExited);

            var survivors = hosts.Where(h => h != victim).ToList();
            for (var i = 0; i < tasks; i++)
            {
                var finished = await FinishedOrDescribedAsync(hosts, survivors[i % survivors.Count], ids[i]);
                Assert.Equal("completed", finished.GetProperty("status").GetString());
                Assert.Equal(SimulatedChatClient.Answer(prompts[i]), finished.GetProperty("result").GetProperty("text").GetString());
            }

            foreach (var id in ids)
            {
                var history = await DurableHistories.ReadAsync(hosts[0], id);
                Assert.Single(history, e => e == EventType.ExecutionStarted);
                Assert.Single(history, e => e == EventType.ExecutionCompleted);
                Assert.Single(await DurableHistories.ScheduledActivitiesAsync(hosts[0], id), name => name == "InvokeAgentActivity");
            }

            // Exactly once on the board too: every task counted once, no seat left held.
            // A release is a signal to the board; one the killed host had read ahead comes back after the message
            // visibility (15 s) once a survivor holds the board's partition (its lease, 15 s), and later on a loaded
            // machine: a fresh clone on 2026-12-08 found the board one release short when this waited 30 s.
            var agent = await BoardAgents.WaitForAsync(hosts[0], "queen-1", a => a.Work.Completed == tasks && a.Holders.Count == 0, patience: TimeSpan.FromMinutes(2));
            Assert.True(
                agent is { Work.Completed: tasks, Holders.Count: 0 },
                $"The board counts {agent?.Work.Completed} of {tasks} tasks completed and holds [{string.Join(", ", agent?.Holders ?? [])}].{Environment.NewLine}{Outputs(hosts)}");

            // Each two-second occurrence of the learning job ran on one host, never on two, and the survivors kept it going.
            var runs = hosts.SelectMany((h, i) => ScheduledRun().Matches(h.Output).Select(m => (Host: i, Occurrence: m.Groups["occurrence"].Value))).ToList();
            Assert.True(runs.Count >= 5, $"Expected the learning job to have run at least 5 times: {runs.Count}.{Environment.NewLine}{hosts[0].Output}");
            var twice = runs.GroupBy(r => r.Occurrence).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, "Occurrences run by more than one host: " + string.Join(", ", twice));
            Assert.Contains(runs, r => hosts[r.Host] != victim);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The task once it finished; if it is still running after 3 minutes (seen once in CI, a task assigned just before the
    /// kill that never moved again), fails with what says why: the partition leases, the task's history and every host's log.
    /// </summary>
    static async Task<System.Text.Json.JsonElement> FinishedOrDescribedAsync(IReadOnlyList<LocalHostProcess> hosts, LocalHostProcess survivor, string id)
    {
        try
        {
            return await TaskPolling.WaitUntilFinishedAsync(survivor, id, TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException stuck)
        {
            var leases = new List<string>();
            await foreach (var lease in Partitions(hosts[0]).QueryAsync<TableEntity>())
            {
                leases.Add(string.Join(", ", lease.Where(p => p.Key != "odata.etag").Select(p => $"{p.Key}={p.Value}")));
            }

            var history = string.Join(", ", await DurableHistories.ReadAsync(hosts[0], id));
            var logs = string.Join(Environment.NewLine, hosts.Select((h, i) => $"--- host {i} ({h.WorkerName}{(h.HasExited ? ", killed" : "")}) ---{Environment.NewLine}"
                + string.Join(Environment.NewLine, h.Output.Split(Environment.NewLine).Where(l => !l.Contains("Periodic job Learning", StringComparison.Ordinal) && !l.Contains("PeriodicJobRunner[1552]", StringComparison.Ordinal)))));
            var aboutTask = hosts.SelectMany((h, i) => h.Output.Split(Environment.NewLine).Where(l => l.Contains(id, StringComparison.Ordinal)).Select(l => $"host {i}: {l.Trim()}"));

            // The whole logs first and the diagnosis last: CI keeps only the tail of a failed run's output (a failure on
            // 2026-12-07 showed nothing but the end of one host's log).
            throw new Xunit.Sdk.XunitException($"{stuck.Message.Split(Environment.NewLine)[0]} The hosts' logs, then the diagnosis:{Environment.NewLine}{logs}"
                + $"{Environment.NewLine}=== diagnosis of {id} ==={Environment.NewLine}leases:{Environment.NewLine}{string.Join(Environment.NewLine, leases)}"
                + $"{Environment.NewLine}history: {history}{Environment.NewLine}log lines naming it:{Environment.NewLine}{string.Join(Environment.NewLine, aboutTask)}"
                + $"{Environment.NewLine}{stuck.Message.Split(Environment.NewLine)[0]}");
        }
    }

    /// <summary>Durable Task's partition table of the hosts' task hub: one lease row per control queue, naming its owner.</summary>
    static TableClient Partitions(LocalHostProcess host) =>
        new TableServiceClient(host.StorageConnectionString).GetTableClient(host.TaskHub + "Partitions");

    static string Outputs(IReadOnlyList<LocalHostProcess> hosts) =>
        string.Join(Environment.NewLine, hosts.Select((h, i) => $"--- host {i} ---{Environment.NewLine}{h.Output}"));

    /// <summary>A host whose durable worker holds a partition lease now (Durable Task's partition table names the owner).</summary>
    static async Task<LocalHostProcess> PartitionOwnerAsync(IReadOnlyList<LocalHostProcess> hosts)
    {
        var partitions = Partitions(hosts[0]);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var owners = new List<string>();
            await foreach (var lease in partitions.QueryAsync<TableEntity>())
            {
                owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
            }

            if (hosts.FirstOrDefault(h => owners.Contains(h.WorkerName, StringComparer.Ordinal)) is { } owner)
            {
                return owner;
            }

            Assert.True(DateTime.UtcNow < deadline, "No host owns a partition: " + string.Join(", ", owners));
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"Periodic job Learning runs its (?<occurrence>.+?) occurrence on")]
    private static partial Regex ScheduledRun();
}
