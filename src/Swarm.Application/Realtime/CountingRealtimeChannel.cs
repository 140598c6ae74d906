using System.Text;
using System.Text.Json;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Realtime;

/// <summary>The channel, counting what the swarm sends on it by message type and each send that fails (<see cref="RealtimeTraffic"/>).</summary>
public sealed class CountingRealtimeChannel(IRealtimeChannel inner, RealtimeTraffic traffic) : IRealtimeChannel
{
    public Task SendToUserAsync(string userId, string json, CancellationToken cancellationToken) =>
        CountAsync(json, () => inner.SendToUserAsync(userId, json, cancellationToken));

    public Task SendToGroupAsync(string group, string json, CancellationToken cancellationToken) =>
        CountAsync(json, () => inner.SendToGroupAsync(group, json, cancellationToken));

    public Task SendToAllAsync(string json, CancellationToken cancellationToken) =>
        CountAsync(json, () => inner.SendToAllAsync(json, cancellationToken));

    public Task SendToConnectionAsync(string connectionId, string json, CancellationToken cancellationToken) =>
        CountAsync(json, () => inner.SendToConnectionAsync(connectionId, json, cancellationToken));

    public async Task AddConnectionToGroupAsync(string connectionId, string group, CancellationToken cancellationToken)
    {
        await inner.AddConnectionToGroupAsync(connectionId, group, cancellationToken);
        traffic.Joined();
    }

    public async Task RemoveConnectionFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken)
    {
        await inner.RemoveConnectionFromGroupAsync(connectionId, group, cancellationToken);
        traffic.Left();
    }

    public Task<bool> HasConnectionsAsync(string userId, CancellationToken cancellationToken) => inner.HasConnectionsAsync(userId, cancellationToken);

    public Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken) =>
        inner.CloseUserConnectionsAsync(userId, reason, cancellationToken);

    async Task CountAsync(string json, Func<Task> send)
    {
        try
        {
            await send();
            traffic.EventOut(TypeOf(json));
        }
        catch
        {
            traffic.DeliveryFailed();
            throw;
        }
    }

    /// <summary>The message's <c>type</c>, read without parsing the rest (every message the swarm sends is <c>{"type": ..., "data": ...}</c>).</summary>
    static string TypeOf(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            while (reader.Read() && reader.CurrentDepth <= 1)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("type") && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth == 1)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
        }

        return "other";
    }
}
