using System.Collections.Concurrent;
using System.Text.Json;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tests.Realtime;

/// <summary>
/// A stand-in for the channel port: keeps every message in the order it was sent, by audience, and fails the sends to
/// the groups it is told to refuse (as a channel that is down would).
/// </summary>
sealed class RecordingRealtimeChannel(params string[] refusedGroups) : IRealtimeChannel
{
    readonly ConcurrentQueue<(RealtimeAudience To, string Type, JsonElement Data)> sent = new();

    public IReadOnlyList<(RealtimeAudience To, string Type, JsonElement Data)> Sent => [.. sent];

    /// <summary>The messages one audience received, in order.</summary>
    public IReadOnlyList<(string Type, JsonElement Data)> To(RealtimeAudience audience) => [.. sent.Where(m => m.To == audience).Select(m => (m.Type, m.Data))];

    /// <summary>Waits until <paramref name="count"/> messages have been sent, or fails the test after a minute.</summary>
    public async Task WaitForAsync(int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (sent.Count < count)
        {
            await Task.Delay(50, patience.Token);
        }
    }

    public Task SendToUserAsync(string userId, string json, CancellationToken cancellationToken) => Record(RealtimeAudience.User(userId), json);

    public Task SendToGroupAsync(string group, string json, CancellationToken cancellationToken) =>
        refusedGroups.Contains(group) ? throw new HttpRequestException("channel down") : Record(RealtimeAudience.Group(group), json);

    public Task SendToAllAsync(string json, CancellationToken cancellationToken) => Record(RealtimeAudience.Everyone, json);

    public Task SendToConnectionAsync(string connectionId, string json, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddConnectionToGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RemoveConnectionFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> HasConnectionsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    Task Record(RealtimeAudience to, string json)
    {
        using var frame = JsonDocument.Parse(json);
        sent.Enqueue((to, frame.RootElement.GetProperty("type").GetString()!, frame.RootElement.GetProperty("data").Clone()));
        return Task.CompletedTask;
    }
}
