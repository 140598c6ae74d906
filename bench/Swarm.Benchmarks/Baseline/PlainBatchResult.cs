namespace Swarm.Benchmarks.Baseline;

/// <summary>What a <see cref="PlainTaskBatch"/> measured.</summary>
/// <param name="Polls">Status reads the client made while following the instances (each is storage work, counted apart).</param>
/// <param name="LastCompletedAt">The backend's completion time of the last instance to complete.</param>
sealed record PlainBatchResult(int Submitted, int Completed, int Failed, int Polls, DateTimeOffset FirstSubmitAt, DateTimeOffset? LastCompletedAt, bool TimedOut)
{
    public int Unfinished => Submitted - Completed - Failed;

    /// <summary>From the first start request to the last completion, as <see cref="Load.TaskBatchResult.WallTime"/> is for the swarm's tasks.</summary>
    public TimeSpan? WallTime => LastCompletedAt is { } last ? last - FirstSubmitAt : null;

    public IReadOnlyList<string> CompletedIds { get; init; } = [];
}
