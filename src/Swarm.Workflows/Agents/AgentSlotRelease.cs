using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentSlotReleaseOrchestrator"/>: the seats a stopped task held and the seat requests it had waiting.</summary>
/// <param name="DispatchShards">The dispatch board's shards, each of whose lines a waiting request may be in; null (before shards) is one.</param>
/// <param name="AgentsFailed">True when the agents are to blame (self-healing ended a stalled call), false when a person canceled the task.</param>
public sealed record AgentSlotRelease(string TaskId, IReadOnlyList<SeatHold> Seats, IReadOnlyList<string> Waiting, bool AgentsFailed, int? DispatchShards = null);
