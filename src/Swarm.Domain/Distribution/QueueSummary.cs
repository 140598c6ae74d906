namespace Swarm.Domain.Distribution;

/// <summary>The waiting line and the seats, as <c>GET /api/v1/tasks</c> shows them.</summary>
/// <param name="WaitingByPriority">Waiting steps per priority, highest first.</param>
/// <param name="OldestWaitingSince">When the longest-waiting step asked for its seat.</param>
/// <param name="SeatsInUse">Seats held across all agents.</param>
/// <param name="SeatsTotal">Seats of agents that accept work.</param>
public sealed record QueueSummary(int Waiting, IReadOnlyDictionary<int, int> WaitingByPriority, DateTimeOffset? OldestWaitingSince, int SeatsInUse, int SeatsTotal, int Agents);
