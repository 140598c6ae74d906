using System.Text.Json;
using Swarm.Workflows.Json;

namespace Swarm.Workflows.Realtime;

/// <summary>One message on the real-time channel, in the spec's WebSocket shape: <c>{"type": ..., "data": {...}}</c>.</summary>
/// <param name="To">Who gets it: a user (the principal's subject, <c>agent:{id}</c> for an agent), a group, or everyone.</param>
public sealed record RealtimeDelivery(RealtimeAudience To, string Type, JsonElement Data)
{
    /// <summary>
    /// The frame as sent. <see cref="Data"/> may have been through durable history (an activity's input), which writes
    /// with its own encoder; writing it here re-encodes every string, so the frame is in the API's JSON either way.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(new { type = Type, data = Data }, SwarmJson.Options);

    /// <summary>The same event for another audience (a task's event for its group as well as its submitter).</summary>
    public RealtimeDelivery For(RealtimeAudience audience) => this with { To = audience };
}
