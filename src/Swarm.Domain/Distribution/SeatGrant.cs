namespace Swarm.Domain.Distribution;

/// <summary>A seat offered to a step that was waiting in line; the board's keeper delivers it to the task.</summary>
public sealed record SeatGrant(string TaskId, string SeatKey, string AgentId, string Reason);
