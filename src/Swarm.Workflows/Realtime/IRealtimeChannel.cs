namespace Swarm.Workflows.Realtime;

/// <summary>The real-time channel, as far as the swarm needs it: messages to one user's connections, and closing them.</summary>
public interface IRealtimeChannel
{
    /// <summary>Sends a JSON message to every connection of the user; throws if the channel refused or could not be reached.</summary>
    Task SendToUserAsync(string userId, string json, CancellationToken cancellationToken);

    /// <summary>Whether the user has at least one open connection now; throws like <see cref="SendToUserAsync"/>.</summary>
    Task<bool> HasConnectionsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Closes every connection of the user (its credential was revoked); throws like <see cref="SendToUserAsync"/>.</summary>
    Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken);
}
