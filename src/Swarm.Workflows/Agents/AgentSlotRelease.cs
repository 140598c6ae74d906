using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentSlotReleaseOrchestrator"/>: the seats a stopped task held and the seat requests it had waiting.</summary>
public sealed record AgentSlotRelease(string TaskId, IReadOnlyList<SeatHold> Seats, IReadOnlyList<string> Waiting);
