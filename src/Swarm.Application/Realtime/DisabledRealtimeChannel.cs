using Swarm.Workflows.Realtime;

namespace Swarm.Application.Realtime;

/// <summary>Stands in when no real-time endpoint is configured: tasks are then submitted without notices, so this only answers a stray call.</summary>
public sealed class DisabledRealtimeChannel : IRealtimeChannel
{
    public Task SendToUserAsync(string userId, string json, CancellationToken cancellationToken) => throw NotConfigured();

    public Task SendToGroupAsync(string group, string json, CancellationToken cancellationToken) => throw NotConfigured();

    public Task SendToAllAsync(string json, CancellationToken cancellationToken) => throw NotConfigured();

    public Task SendToConnectionAsync(string connectionId, string json, CancellationToken cancellationToken) => throw NotConfigured();

    public Task AddConnectionToGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => throw NotConfigured();

    /// <summary>Nothing can be connected, so nothing is in a group.</summary>
    public Task RemoveConnectionFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing can be connected.</summary>
    public Task<bool> HasConnectionsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Nothing can be connected, so there is nothing to close.</summary>
    public Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    static InvalidOperationException NotConfigured() => new("The real-time channel is not configured (realtime:endpoint).");
}
