using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// One local host's part of the consensus-round scenario: its settings as the report states them (taken while it ran),
/// the voters created, and the proposals put to them one at a time.
/// </summary>
/// <param name="Label">How the report names this host's configuration.</param>
/// <param name="MaxQueuePollingIntervalMs">The host's <c>durable.maxQueuePollingIntervalMs</c> in force.</param>
sealed record ConsensusRoundRun(
    string Label,
    IReadOnlyList<string> Settings,
    int MaxQueuePollingIntervalMs,
    int PartitionCount,
    IReadOnlyList<AgentCreation> Voters,
    ProposalSequenceResult WarmUp,
    ProposalSequenceResult Run,
    CpuUsage Cpu)
{
    public IReadOnlyList<ProposalOutcome> Finished { get; } = [.. Run.Finished];

    public LatencySummary? EndToEnd => LatencySummary.Of(Finished.Select(o => o.EndToEnd!.Value));

    public LatencySummary? ClientObserved => LatencySummary.Of(Finished.Select(o => o.ClientObserved!.Value));

    public LatencySummary? Round => Phase(s => s.Round);

    /// <summary>From scheduling to the round's start: the orchestration started and read the dispatcher's board and each participant's entity.</summary>
    public LatencySummary? BeforeRound => Phase(s => s.RoundStartedAt - s.CreatedAt);

    /// <summary>From the count to completion: the round recorded (an activity writing the ballots to the audit trail), then the orchestration completed.</summary>
    public LatencySummary? AfterRound => Phase(s => s.LastUpdatedAt - s.RoundEndedAt);

    public LatencySummary? Scheduling => LatencySummary.Of(Finished.Select(o => o.Last!.CreatedAt - o.Submission.StartedAt));

    public LatencySummary? Accept => LatencySummary.Of(Run.Outcomes.Select(o => o.Submission.AcceptLatency));

    LatencySummary? Phase(Func<ProposalSnapshot, TimeSpan?> phase) => LatencySummary.Of(Finished.Select(o => phase(o.Last!)).OfType<TimeSpan>());
}
