using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.StorageRequests;

namespace Swarm.Benchmarks.Baseline;

/// <summary>
/// What the baseline scenario measured in this run, for the task scenarios after it to report their figures as ratios
/// to: the plain orchestration under the throughput scenario's load, and one at a time on the overhead scenario's model.
/// Empty (and <see cref="Missing"/> says why) when the baseline did not run or failed.
/// </summary>
sealed class PeerBaseline
{
    /// <summary>The throughput scenario's load (tasks, clients, a model that answers at once) on the plain orchestration.</summary>
    public StorageWorkload? Batch { get; set; }

    /// <summary>End to end minus the model call, one instance at a time on the overhead scenario's 1 s model.</summary>
    public LatencySummary? OverheadMs { get; set; }

    public string Missing { get; set; } = "the baseline scenario did not run";
}
