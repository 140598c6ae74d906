namespace Swarm.Benchmarks.StorageRequests;

/// <summary>What a side's measured batch reports back to <see cref="WorkloadMeter"/>, whichever API it ran through.</summary>
/// <param name="CompletedIds">Ids the client can read the status of again, for measuring what one read costs.</param>
sealed record BatchRun(int Submitted, int Completed, TimeSpan? WallTime, int ClientPolls, IReadOnlyList<string> CompletedIds, bool TimedOut);
