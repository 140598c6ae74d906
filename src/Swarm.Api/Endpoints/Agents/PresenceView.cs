using Swarm.Domain.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// An agent's presence as the API shows it: whether it has a connection on the real-time channel (and how many), when it
/// last connected, disconnected and heartbeated, what it said of itself, and whether its heartbeat is overdue (more than
/// <see cref="Presence.MissedHeartbeatsAllowed"/> intervals of <c>realtime:heartbeatSeconds</c> since its last sign of
/// life; never for an agent that has shown none).
/// </summary>
public sealed record PresenceView(
    bool Connected,
    int Connections,
    DateTimeOffset? LastConnectedAt,
    DateTimeOffset? LastDisconnectedAt,
    DateTimeOffset? LastHeartbeatAt,
    bool HeartbeatOverdue,
    string? ReportedStatus)
{
    public static PresenceView From(Presence presence, DateTimeOffset now, TimeSpan heartbeatInterval)
    {
        ArgumentNullException.ThrowIfNull(presence);
        return new PresenceView(
            presence.IsConnected,
            presence.Connections.Count,
            presence.LastConnectedAt,
            presence.LastDisconnectedAt,
            presence.LastHeartbeatAt,
            presence.IsHeartbeatOverdue(now, heartbeatInterval),
            presence.ReportedStatus);
    }
}
