namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// An external agent that holds steps (<paramref name="Steps"/>, as <c>taskId/step</c>) but is not connected to the
/// real-time channel, or whose heartbeat is overdue: its steps wait on an answer it may never send.
/// </summary>
public sealed record SilentHolder(string AgentId, IReadOnlyList<string> Steps, bool Connected, DateTimeOffset? LastHeartbeatAt, bool HeartbeatOverdue);
