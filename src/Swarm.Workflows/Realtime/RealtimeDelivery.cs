using System.Text.Json;
using Swarm.Workflows.Json;

namespace Swarm.Workflows.Realtime;

/// <summary>One message for one user's connections, in the spec's WebSocket shape: <c>{"type": ..., "data": {...}}</c>.</summary>
/// <param name="UserId">Who gets it: the principal's subject, <c>agent:{id}</c> for an agent.</param>
public sealed record RealtimeDelivery(string UserId, string Type, JsonElement Data)
{
    /// <summary>
    /// The frame as sent. <see cref="Data"/> may have been through durable history (an activity's input), which writes
    /// with its own encoder; writing it here re-encodes every string, so the frame is in the API's JSON either way.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(new { type = Type, data = Data }, SwarmJson.Options);
}
