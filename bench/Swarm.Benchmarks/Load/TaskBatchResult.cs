using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Load;

/// <summary>What a <see cref="TaskBatch"/> measured: every submission, and every accepted task's outcome.</summary>
/// <param name="PollWindow">How many unfinished tasks one polling round asked about, at most.</param>
/// <param name="PollPause">The pause between polling rounds.</param>
sealed record TaskBatchResult(
    IReadOnlyList<TaskSubmission> Submissions,
    IReadOnlyList<TaskOutcome> Outcomes,
    int Polls,
    int PollFailures,
    IReadOnlyList<double> PollLatenciesMs,
    int PollWindow,
    TimeSpan PollPause,
    bool TimedOut)
{
    public IEnumerable<TaskOutcome> Finished => Outcomes.Where(o => o.Finished);

    public IEnumerable<TaskOutcome> Completed => Outcomes.Where(o => o.Last is { IsCompleted: true });

    public IEnumerable<TaskOutcome> Failed => Outcomes.Where(o => o.Finished && !o.Last!.IsCompleted);

    public IEnumerable<TaskOutcome> Unfinished => Outcomes.Where(o => !o.Finished);

    public IEnumerable<TaskSubmission> Rejected => Submissions.Where(s => !s.Accepted);

    public DateTimeOffset? FirstSubmitAt => Submissions.Count > 0 ? Submissions.Min(s => s.StartedAt) : null;

    public DateTimeOffset? LastAcceptedAt => Submissions.Any(s => s.Accepted) ? Submissions.Where(s => s.Accepted).Max(s => s.StartedAt + s.AcceptLatency) : null;

    /// <summary>The host's completion time of the last task to finish.</summary>
    public DateTimeOffset? LastFinishedAt => Finished.Any() ? Finished.Max(o => o.Last!.LastUpdatedAt) : null;

    /// <summary>From the first POST to the last task's completion.</summary>
    public TimeSpan? WallTime => FirstSubmitAt is { } first && LastFinishedAt is { } last ? last - first : null;

    /// <summary>Each unfinished task's last known status ("not polled yet" if no poll about it got an answer), counted.</summary>
    public IReadOnlyDictionary<string, int> UnfinishedStatuses =>
        Unfinished.GroupBy(o => o.Last?.Status ?? "not polled yet").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public LatencySummary? AcceptLatency => LatencySummary.Of(Submissions.Where(s => s.Accepted).Select(s => s.AcceptLatency));

    public LatencySummary? PollLatency => LatencySummary.Of(PollLatenciesMs);
}
