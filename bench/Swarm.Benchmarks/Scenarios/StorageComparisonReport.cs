using System.Globalization;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.StorageRequests;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>The storage scenario's section: the setup, per-kind requests per task with ratios, CPU and throughput, and what bounds them.</summary>
static class StorageComparisonReport
{
    static readonly (string Label, StorageRequestKind[] Kinds)[] Rows =
    [
        ("Queue: messages sent (POST …/messages)", [StorageRequestKind.QueueMessageSent]),
        ("Queue: receives (GET …/messages, up to 32 messages each)", [StorageRequestKind.QueueReceive]),
        ("Queue: messages deleted (DELETE …/messages/{id})", [StorageRequestKind.QueueMessageDeleted]),
        ("Queue: messages updated (PUT …/messages/{id})", [StorageRequestKind.QueueMessageUpdated]),
        ("Queue: other (peek, metadata, create)", [StorageRequestKind.QueuePeek, StorageRequestKind.QueueOther]),
        ("Table: reads (GET point reads and queries)", [StorageRequestKind.TableRead]),
        ("Table: inserts (POST)", [StorageRequestKind.TableInsert]),
        ("Table: upserts and updates (PUT, PATCH, MERGE)", [StorageRequestKind.TableUpdate]),
        ("Table: deletes", [StorageRequestKind.TableDelete]),
        ("Table: batches (POST $batch, one request each)", [StorageRequestKind.TableBatch]),
        ("Table: other (create, list tables)", [StorageRequestKind.TableOther]),
        ("Blob: reads (GET, HEAD)", [StorageRequestKind.BlobRead]),
        ("Blob: writes (PUT, DELETE)", [StorageRequestKind.BlobWrite]),
        ("Blob: lease requests (PUT ?comp=lease)", [StorageRequestKind.BlobLease]),
        ("Account-level requests", [StorageRequestKind.Account]),
    ];

    static readonly StorageRequestKind[] Queue =
    [
        StorageRequestKind.QueueMessageSent, StorageRequestKind.QueueReceive,
        StorageRequestKind.QueueMessageDeleted, StorageRequestKind.QueueMessageUpdated, StorageRequestKind.QueuePeek, StorageRequestKind.QueueOther,
    ];

    static readonly StorageRequestKind[] Table =
    [
        StorageRequestKind.TableRead, StorageRequestKind.TableInsert, StorageRequestKind.TableUpdate, StorageRequestKind.TableDelete,
        StorageRequestKind.TableBatch, StorageRequestKind.TableOther,
    ];

    static readonly StorageRequestKind[] Blob = [StorageRequestKind.BlobRead, StorageRequestKind.BlobWrite, StorageRequestKind.BlobLease];

    static readonly StorageRequestKind[] All = Enum.GetValues<StorageRequestKind>();

    public static void Write(
        MarkdownReport report, BenchmarkOptions options, StorageWorkload swarm, StorageWorkload baseline, IEnumerable<string> hostSettings, IReadOnlyDictionary<string, string> settings)
    {
        report.Paragraph(
            $"Two workloads, one after the other, each on an Azurite of its own (started for this scenario on free ports, disk persistence in a temporary folder, "
            + "its access log read from standard output: one line per request). **Swarm**: the local host, "
            + $"{Units.Count(options.StorageTasks)} `single` tasks (a prompt and nothing else) through `POST /api/v1/tasks` from {options.Clients} concurrent clients, followed through "
            + "`GET /api/v1/tasks/{id}` until each finished. **Baseline**: what a user would build without the swarm, in this benchmark's process: DurableTask.Core with "
            + "DurableTask.AzureStorage (the packages and versions the local host runs on), one orchestration that calls one activity, "
            + $"{Units.Count(options.StorageTasks)} instances started through `TaskHubClient` from {options.Clients} concurrent callers and followed by reading their status the same way. "
            + $"The model is simulated on both sides with {StorageScenario.ModelLatencyMs} ms per call and no jitter (the swarm's simulated provider; the baseline's activity waits as long). "
            + $"Before each measured batch: one task on the fresh worker and {options.Clients} warm-up tasks, not counted.");
        report.Bullets(hostSettings.Concat(
        [
            "The baseline uses the same durable settings as the local host above, set the way `src/Swarm.LocalHost/Durable/AzureStorageBackend.cs` sets them "
                + "(partition count, longest queue polling interval, message visibility timeouts, lease interval and renewal, a separate entity work-item queue), "
                + "the backend's defaults for the rest (dispatcher concurrency, batch sizes); it registers no entities.",
            "Counted: the requests Azurite logged from the first submission of the measured batch until the client saw the last task finished, divided by the tasks completed. "
                + "The client's own status reads are storage work of the benchmark, not of the workload: their cost per read was measured afterwards on the quiet worker "
                + $"({swarm.PollCost.Polls} reads one after another, less the idle polling meanwhile) and taken away, kind by kind (the raw counts are further below).",
            "A `$batch` (an entity group transaction, which the backend writes history with) counts as one request, however many rows it writes. "
                + "A receive is a GET of up to 32 messages. The access log cannot tell an empty receive from one that returned messages (Azurite streams the answer, "
                + "so the log has no response length), so empty polls are given as a lower bound: every message the workers took was then deleted or updated, "
                + "so at most (deleted + updated) receives returned anything, and the rest were empty.",
        ]));

        report.Heading(3, "Results");
        report.Callout("Comparable only within one run: both sides ran back to back on the same shared 2-core machine, and load from other programs moves each run's figures.");
        report.Table(["Kind (per completed task)", "Swarm", "Baseline", "Ratio"], PerKindRows(swarm, baseline));
        report.Table(["Measure", "Swarm", "Baseline", "Ratio"], new List<IReadOnlyList<string>>
        {
            new[] { "Tasks completed / submitted (N)", $"{Units.Count(swarm.Completed)} / {Units.Count(swarm.Submitted)}", $"{Units.Count(baseline.Completed)} / {Units.Count(baseline.Submitted)}", string.Empty },
            new[] { "Throughput (completed / first submission to last completion)", Rate(swarm.Throughput), Rate(baseline.Throughput), Ratio(swarm.Throughput, baseline.Throughput) },
            new[] { "Azurite CPU per task (user + system, from `/proc/<pid>/stat`)", Ms(swarm.AzuriteCpuPerTask), Ms(baseline.AzuriteCpuPerTask), Ratio(swarm.AzuriteCpuPerTask?.TotalMilliseconds, baseline.AzuriteCpuPerTask?.TotalMilliseconds) },
            new[] { "CPU per task outside Azurite (swarm: local host + benchmark client; baseline: this process, worker and client)", Ms(swarm.OtherCpuPerTask), Ms(baseline.OtherCpuPerTask), Ratio(swarm.OtherCpuPerTask?.TotalMilliseconds, baseline.OtherCpuPerTask?.TotalMilliseconds) },
            new[] { "Measured window", Units.Seconds(swarm.Window.Duration), Units.Seconds(baseline.Window.Duration), string.Empty },
            new[] { "CPU over the window", Units.Cpu(swarm.Cpu), Units.Cpu(baseline.Cpu), string.Empty },
        });

        report.Paragraph(
            $"Issue 17's goals against this baseline: throughput {BaselineComparison.Verdict(swarm.Throughput, baseline.Throughput, higherIsBetter: true, BaselineComparison.ThroughputGoal)}, "
            + $"storage requests per task {BaselineComparison.Verdict(swarm.PerTask(All), baseline.PerTask(All), higherIsBetter: false, BaselineComparison.StorageGoal)}.");

        report.Heading(3, "Background and the client's reads");
        report.Table(["Measure", "Swarm", "Baseline"], new List<IReadOnlyList<string>>
        {
            new[] { "Idle polling, requests/s over a quiet 10 s window (5 s after the batch)", IdleText(swarm), IdleText(baseline) },
            new[] { "The same rate over the measured window, per task (a floor on background work in the counts above: under load the backend polls faster)", PerTask(swarm.IdleShareFloorPerTask), PerTask(baseline.IdleShareFloorPerTask) },
            new[] { "Client status reads during the batch", Units.Count(swarm.ClientPolls), Units.Count(baseline.ClientPolls) },
            new[] { "Storage requests per status read (measured, by kind)", PollCostText(swarm.PollCost), PollCostText(baseline.PollCost) },
            new[] { "Taken away for the client's reads, per task", PerTask(swarm.ClientPollingPerTask), PerTask(baseline.ClientPollingPerTask) },
            new[] { "Raw requests in the window, all kinds, per task (before taking the reads away)", PerTask(Raw(swarm)), PerTask(Raw(baseline)) },
            new[] { "Requests that failed (4xx, 5xx), per task", PerTask(Failed(swarm)), PerTask(Failed(baseline)) },
        });

        report.Heading(3, "What bounds these numbers");
        report.Bullets(Bounds(swarm, baseline));
    }

    static IEnumerable<IReadOnlyList<string>> PerKindRows(StorageWorkload swarm, StorageWorkload baseline)
    {
        foreach (var (label, kinds) in Rows)
        {
            yield return Row(label, swarm.PerTask(kinds), baseline.PerTask(kinds));
            if (kinds is [StorageRequestKind.QueueReceive])
            {
                // Two lower bounds have no meaningful ratio.
                yield return [.. Row("… of which empty polls, at least (receives − deleted − updated)", EmptyReceivesAtLeast(swarm), EmptyReceivesAtLeast(baseline))[..3], "n/a (lower bounds)"];
            }
        }

        yield return Row("**Queue requests, all**", swarm.PerTask(Queue), baseline.PerTask(Queue));
        yield return Row("**Table requests, all**", swarm.PerTask(Table), baseline.PerTask(Table));
        yield return Row("**Blob requests, all**", swarm.PerTask(Blob), baseline.PerTask(Blob));
        yield return Row("**All storage requests**", swarm.PerTask(All), baseline.PerTask(All));
    }

    static string[] Row(string label, double? swarm, double? baseline) => [label, PerTask(swarm), PerTask(baseline), Ratio(swarm, baseline)];

    static IEnumerable<string> Bounds(StorageWorkload swarm, StorageWorkload baseline)
    {
        foreach (var side in new[] { swarm, baseline })
        {
            var wall = side.Cpu.Wall.TotalSeconds;
            var azurite = side.Azurite;
            var busiest = azurite.BusiestThread is { } thread ? thread.TotalSeconds / wall : (double?)null;
            var verdict = (side.Cpu.MachineBusy, busiest) switch
            {
                ({ } busy, _) when busy >= 0.9 => $"so the shared CPU bounded its throughput (other programs used {Units.Cores(side.Cpu.OtherCores ?? 0)} cores meanwhile), not the emulator's one thread",
                (_, { } one) when one >= 0.9 => "so Azurite's one Node.js thread bounded its throughput",
                _ => "so neither the CPU nor Azurite's thread was saturated: the work waited on polling intervals and message round trips",
            };
            yield return $"{side.Label}: Azurite used {Units.Cores(azurite.Cpu.TotalSeconds / wall)} cores"
                + (busiest is { } b ? $", its busiest thread {Units.Cores(b)}" : string.Empty) + "; the machine was "
                + (side.Cpu.MachineBusy is { } m ? $"{Units.Percent(m)} busy across its {side.Cpu.Cores} cores" : "of unknown load") + $", {verdict}.";
        }

        yield return "Requests per task follow from the durable backend's design rather than from the machine (each orchestration step is a message through a control or "
            + "work-item queue and a history write), so they should move little between runs; throughput and CPU move with the machine's load. Two kinds do follow load: "
            + "receives (under load one GET returns up to 32 messages, so receives per task fall) and empty polls (they follow time, not tasks; compare them with the idle rate). "
            + "Other loads than this one were not measured.";
        yield return "In Azure, storage serves many partitions in parallel and bills and throttles by request, so the request counts carry over to a real account better than the throughput does.";
    }

    static double? EmptyReceivesAtLeast(StorageWorkload side) =>
        side.PerTask([StorageRequestKind.QueueReceive]) - side.PerTask([StorageRequestKind.QueueMessageDeleted, StorageRequestKind.QueueMessageUpdated]) is { } d ? Math.Max(0, d) : null;

    static double? Raw(StorageWorkload side) => side.Completed == 0 ? null : (double)side.Window.Total / side.Completed;

    static double? Failed(StorageWorkload side) => side.Completed == 0 ? null : (double)side.Window.Failed / side.Completed;

    static string IdleText(StorageWorkload side)
    {
        var total = side.Idle.PerSecond(All);
        var parts = new[] { ("queue", Queue), ("table", Table), ("blob", Blob) }
            .Select(p => $"{p.Item1} {Fixed(side.Idle.PerSecond(p.Item2))}");
        return $"{Fixed(total)} ({string.Join(", ", parts)})";
    }

    static string PollCostText(PollCost cost)
    {
        var kinds = cost.PerPoll.Where(k => k.Value >= 0.05).OrderByDescending(k => k.Value).Select(k => $"{Rows.First(r => r.Kinds.Contains(k.Key)).Label.Split(" (")[0]} {Fixed(k.Value)}").ToList();
        return kinds.Count == 0 ? "none measured" : string.Join(", ", kinds);
    }

    static string PerTask(double? value) => value is { } v ? Fixed(v) : "n/a";

    static string Fixed(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    static string Rate(double? value) => value is { } v ? Units.Rate(v, "tasks") : "n/a";

    static string Ms(TimeSpan? value) => value is { } v ? Units.Ms(v) : "n/a";

    static string Ratio(double? swarm, double? baseline) => (swarm, baseline) switch
    {
        ({ } s, { } b) when b > 0 => (s / b).ToString("0.00", CultureInfo.InvariantCulture) + "×",
        ({ } s, _) when s > 0 => "n/a (baseline 0)",
        _ => "n/a",
    };
}
