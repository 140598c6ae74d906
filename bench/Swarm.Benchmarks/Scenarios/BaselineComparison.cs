using System.Globalization;
using Swarm.Benchmarks.Baseline;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.StorageRequests;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// A task scenario's figures as ratios to the baseline of the same run (<see cref="BaselineScenario"/>), with issue
/// 17's goals where it set one: throughput at least the baseline's (1.0×), storage requests per task at most 1.5×.
/// </summary>
static class BaselineComparison
{
    public const double ThroughputGoal = 1.0;

    public const double StorageGoal = 1.5;

    public static readonly StorageRequestKind[] AllKinds = Enum.GetValues<StorageRequestKind>();

    static readonly string[] Header = ["Measure", "Swarm", "Baseline (same run)", "Ratio", "Goal"];

    /// <summary>The throughput scenario's batch against the baseline's batch under the same load.</summary>
    public static void WriteBatch(MarkdownReport report, StorageWorkload? swarm, PeerBaseline baseline)
    {
        report.Heading(3, "Against the baseline");
        if (swarm is null || baseline.Batch is not { } peer)
        {
            report.Paragraph($"No ratios: {(swarm is null ? "the swarm's storage requests were not counted (run through ./bench.sh)" : baseline.Missing)}.");
            return;
        }

        report.Table(Header, new List<IReadOnlyList<string>>
        {
            Row("Throughput (tasks/s)", swarm.Throughput, peer.Throughput, higherIsBetter: true, ThroughputGoal),
            Row("Storage requests per task, all kinds", swarm.PerTask(AllKinds), peer.PerTask(AllKinds), higherIsBetter: false, StorageGoal),
            Row("… the same with the client's status reads left in (raw)", Raw(swarm), Raw(peer)),
            Row("… queue messages sent per task", swarm.PerTask([StorageRequestKind.QueueMessageSent]), peer.PerTask([StorageRequestKind.QueueMessageSent])),
            Row("… queue receives per task", swarm.PerTask([StorageRequestKind.QueueReceive]), peer.PerTask([StorageRequestKind.QueueReceive])),
            Row("… table reads per task", swarm.PerTask([StorageRequestKind.TableRead]), peer.PerTask([StorageRequestKind.TableRead])),
            Row("… table batches (history writes) per task", swarm.PerTask([StorageRequestKind.TableBatch]), peer.PerTask([StorageRequestKind.TableBatch])),
            Row("Idle polling's share, per task (a floor on background work in the counts)", swarm.IdleShareFloorPerTask, peer.IdleShareFloorPerTask),
            Row("Azurite CPU per task (ms)", swarm.AzuriteCpuPerTask?.TotalMilliseconds, peer.AzuriteCpuPerTask?.TotalMilliseconds),
            Row("CPU per task outside Azurite (ms)", swarm.OtherCpuPerTask?.TotalMilliseconds, peer.OtherCpuPerTask?.TotalMilliseconds),
        });
        report.Paragraph(
            "Both sides ran on this run's one Azurite, one after the other, with the same durable settings, load and client, and their storage requests were counted "
            + "the same way (the client's status reads taken away: the swarm's " + PerTask(swarm.ClientPollingPerTask) + " per task, the baseline's "
            + PerTask(peer.ClientPollingPerTask) + "; each kind on its own: a kind whose reads, as calibrated on finished tasks, cost more than the window held counts 0, and the sum is then a lower bound"
            + Clamped(swarm, peer) + "; the kinds status reads do not make, such as queue messages sent and table batches, are exact). Requests per task follow from the design and move little between runs; throughput and CPU move with the "
            + "machine's load (2 shared cores, Azurite's one Node.js thread), so its ratio holds only within the run.");
    }

    /// <summary>The overhead scenario's one-at-a-time overhead against the baseline's on the same model.</summary>
    public static void WriteOverhead(MarkdownReport report, LatencySummary? swarm, PeerBaseline baseline)
    {
        report.Heading(3, "Against the baseline");
        if (swarm is null || baseline.OverheadMs is not { } peer)
        {
            report.Paragraph($"No ratios: {(swarm is null ? "no task completed" : baseline.Missing)}.");
            return;
        }

        report.Table(Header, new List<IReadOnlyList<string>>
        {
            Row("Overhead p50 (ms, end to end minus 1 s)", swarm.P50, peer.P50),
            Row("Overhead p95 (ms)", swarm.P95, peer.P95),
        });
        report.Paragraph("The baseline's overhead is from the start request to the backend's completion time, less the activity's 1 s; the swarm's from the POST to the host's completion time, less 1 s.");
    }

    public static string Fixed(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    public static string Ratio(double? swarm, double? baseline) => (swarm, baseline) switch
    {
        ({ } s, { } b) when b > 0 => (s / b).ToString("0.00", CultureInfo.InvariantCulture) + "×",
        _ => "n/a",
    };

    /// <summary>Whether a ratio meets issue 17's goal: at least <paramref name="goal"/> when higher is better, at most it otherwise.</summary>
    public static string Verdict(double? swarm, double? baseline, bool higherIsBetter, double goal)
    {
        if (swarm is not { } s || baseline is not { } b || b <= 0)
        {
            return "n/a";
        }

        var ratio = s / b;
        var met = higherIsBetter ? ratio >= goal : ratio <= goal;
        var bound = (higherIsBetter ? "≥ " : "≤ ") + goal.ToString("0.0", CultureInfo.InvariantCulture) + "×";
        return met ? $"{bound}: met" : $"{bound}: **not met**";
    }

    static string[] Row(string label, double? swarm, double? baseline) => [label, Fixed(swarm), Fixed(baseline), Ratio(swarm, baseline), string.Empty];

    static string[] Row(string label, double? swarm, double? baseline, bool higherIsBetter, double goal) =>
        [label, Fixed(swarm), Fixed(baseline), Ratio(swarm, baseline), Verdict(swarm, baseline, higherIsBetter, goal)];

    static string PerTask(double? value) => Fixed(value);

    static string Clamped(StorageWorkload swarm, StorageWorkload peer)
    {
        var kinds = swarm.ClampedKinds(AllKinds).Select(k => $"the swarm's {k}").Concat(peer.ClampedKinds(AllKinds).Select(k => $"the baseline's {k}")).ToList();
        return kinds.Count == 0 ? " (no kind did here)" : $" (here: {string.Join(", ", kinds)})";
    }

    static double? Raw(StorageWorkload side) => side.Completed == 0 ? null : (double)side.Window.Total / side.Completed;
}
