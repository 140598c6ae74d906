using System.Text.Json;

namespace Swarm.Workflows.Realtime;

/// <summary>One message for one user's connections, in the spec's WebSocket shape: <c>{"type": ..., "data": {...}}</c>.</summary>
/// <param name="UserId">Who gets it: the principal's subject, <c>agent:{id}</c> for an agent.</param>
public sealed record RealtimeDelivery(string UserId, string Type, JsonElement Data)
{
    public string ToJson() => JsonSerializer.Serialize(new { type = Type, data = Data });
}
