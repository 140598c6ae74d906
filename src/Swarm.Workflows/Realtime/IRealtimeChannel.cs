namespace Swarm.Workflows.Realtime;

/// <summary>
/// The real-time channel, as far as the swarm needs it: Web PubSub's server-side operations on users, groups and
/// connections. Every call throws if the channel refused or could not be reached.
/// </summary>
public interface IRealtimeChannel
{
    /// <summary>Sends a JSON message to every connection of the user.</summary>
    Task SendToUserAsync(string userId, string json, CancellationToken cancellationToken);

    /// <summary>Sends a JSON message to every connection in the group (none is an answer, not an error).</summary>
    Task SendToGroupAsync(string group, string json, CancellationToken cancellationToken);

    /// <summary>Sends a JSON message to every connection on the hub.</summary>
    Task SendToAllAsync(string json, CancellationToken cancellationToken);

    /// <summary>Sends a JSON message to one connection.</summary>
    Task SendToConnectionAsync(string connectionId, string json, CancellationToken cancellationToken);

    /// <summary>Puts one connection in a group; its later messages reach the connection until it leaves or closes.</summary>
    Task AddConnectionToGroupAsync(string connectionId, string group, CancellationToken cancellationToken);

    /// <summary>Takes one connection out of a group (not being in it is not an error).</summary>
    Task RemoveConnectionFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken);

    /// <summary>Whether the user has at least one open connection now.</summary>
    Task<bool> HasConnectionsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Closes every connection of the user (its credential was revoked).</summary>
    Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken);
}
