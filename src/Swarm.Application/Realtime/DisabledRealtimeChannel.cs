using Swarm.Workflows.Realtime;

namespace Swarm.Application.Realtime;

/// <summary>Stands in when no real-time endpoint is configured: tasks are then submitted without notices, so this only answers a stray call.</summary>
public sealed class DisabledRealtimeChannel : IRealtimeChannel
{
    public Task SendToUserAsync(string userId, string json, CancellationToken cancellationToken) => throw NotConfigured();

    /// <summary>Nothing can be connected.</summary>
    public Task<bool> HasConnectionsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Nothing can be connected, so there is nothing to close.</summary>
    public Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    static InvalidOperationException NotConfigured() => new("The real-time channel is not configured (realtime:endpoint).");
}
