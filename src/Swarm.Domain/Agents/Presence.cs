namespace Swarm.Domain.Agents;

/// <summary>
/// An agent's presence on the real-time channel: its open connections, when it last connected and disconnected, and its
/// last heartbeat. Immutable; every change returns a new record.
/// </summary>
/// <remarks>
/// Connection events come from the channel at least once and in no promised order, so every change is safe to repeat
/// and to receive late: a connection reported twice is one connection, a <c>disconnected</c> that arrives before its
/// <c>connected</c> is remembered (<see cref="Closed"/>) so the late <c>connected</c> does not open it again, and the
/// times only move forward. Both lists are bounded (<see cref="MaxConnections"/>), so a channel that loses events cannot
/// grow the record without end.
/// </remarks>
public sealed record Presence
{
    /// <summary>Open (and recently closed) connections kept at most; beyond it the earliest reported is forgotten.</summary>
    public const int MaxConnections = 32;

    /// <summary>How many heartbeat intervals may pass without one before the heartbeat is overdue.</summary>
    public const int MissedHeartbeatsAllowed = 2;

    /// <summary>Schema version of the stored record.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The open connections, in the order they were reported.</summary>
    public IReadOnlyList<PresenceConnection> Connections { get; init; } = [];

    /// <summary>Connections that ended (most recent last): what lets a late or repeated <c>connected</c> be recognised.</summary>
    public IReadOnlyList<PresenceConnection> Closed { get; init; } = [];

    public DateTimeOffset? LastConnectedAt { get; init; }

    public DateTimeOffset? LastDisconnectedAt { get; init; }

    public DateTimeOffset? LastHeartbeatAt { get; init; }

    /// <summary>What the agent said of itself with its latest heartbeat, if anything.</summary>
    public string? ReportedStatus { get; init; }

    public bool IsConnected => Connections.Count > 0;

    /// <summary>A connection opened at <paramref name="at"/>; nothing changes for one already open or already closed but the time.</summary>
    public Presence Connect(string connectionId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        var next = this with { LastConnectedAt = Later(LastConnectedAt, at) };
        if (Has(Connections, connectionId) || Has(Closed, connectionId))
        {
            return next;
        }

        return next with { Connections = Bounded([.. Connections, new PresenceConnection(connectionId, at)]) };
    }

    /// <summary>A connection ended at <paramref name="at"/>, whether or not its <c>connected</c> has arrived yet.</summary>
    public Presence Disconnect(string connectionId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        var next = this with { LastDisconnectedAt = Later(LastDisconnectedAt, at) };
        if (Has(Closed, connectionId))
        {
            return next;
        }

        return next with
        {
            Connections = [.. Connections.Where(c => c.Id != connectionId)],
            Closed = Bounded([.. Closed, new PresenceConnection(connectionId, at)]),
        };
    }

    /// <summary>A heartbeat sent at <paramref name="at"/>; one older than the latest changes nothing (its status included).</summary>
    public Presence Heartbeat(DateTimeOffset at, string? status)
    {
        return LastHeartbeatAt is { } last && at < last ? this : this with { LastHeartbeatAt = at, ReportedStatus = status };
    }

    /// <summary>
    /// The last sign of life: the latest heartbeat, or the latest connection when that is newer (a client that has just
    /// connected has not had time to send one). Null for an agent that has shown none.
    /// </summary>
    public DateTimeOffset? LastSeenAt => Later(LastHeartbeatAt, LastConnectedAt);

    /// <summary>
    /// Whether more than <see cref="MissedHeartbeatsAllowed"/> intervals have passed since <see cref="LastSeenAt"/>. An
    /// agent that has shown no sign of life at all is not overdue: nothing is expected of it (an agent on a model never
    /// heartbeats); whether it is connected says the rest.
    /// </summary>
    public bool IsHeartbeatOverdue(DateTimeOffset now, TimeSpan heartbeatInterval) =>
        LastSeenAt is { } seen && now - seen > heartbeatInterval * MissedHeartbeatsAllowed;

    static bool Has(IReadOnlyList<PresenceConnection> connections, string id) => connections.Any(c => c.Id == id);

    static IReadOnlyList<PresenceConnection> Bounded(IReadOnlyList<PresenceConnection> connections) =>
        connections.Count <= MaxConnections ? connections : [.. connections.Skip(connections.Count - MaxConnections)];

    static DateTimeOffset? Later(DateTimeOffset? current, DateTimeOffset? candidate) =>
        current is null || (candidate is { } c && c > current) ? candidate ?? current : current;
}
