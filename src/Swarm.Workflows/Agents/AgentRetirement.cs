using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="RetireAgentOrchestrator"/>: the agent, and whether the operators hear of its retirement.</summary>
/// <param name="Notify">Whether the channel was on when the retirement started (fixed then, so replays agree).</param>
/// <param name="DispatchShards">The dispatch board's shards when it started, so the agent is withdrawn from its own; null (before shards, and written so) is one.</param>
[JsonConverter(typeof(AgentRetirementConverter))]
public sealed record AgentRetirement(string AgentId, bool Notify = false, int? DispatchShards = null);

/// <summary>
/// Reads a retirement stored before it was a record (the agent's id alone, as a JSON string) as one that sends no
/// notice, so a retirement under way across an upgrade replays the activities it scheduled.
/// </summary>
public sealed class AgentRetirementConverter : JsonConverter<AgentRetirement>
{
    public override AgentRetirement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new AgentRetirement(reader.GetString()!);
        }

        var stored = JsonElement.ParseValue(ref reader);
        string? agentId = null;
        var notify = false;
        int? shards = null;
        foreach (var field in stored.EnumerateObject())
        {
            if (field.NameEquals(nameof(AgentRetirement.AgentId)) || field.NameEquals("agentId"))
            {
                agentId = field.Value.GetString();
            }
            else if (field.NameEquals(nameof(AgentRetirement.Notify)) || field.NameEquals("notify"))
            {
                notify = field.Value.GetBoolean();
            }
            else if ((field.NameEquals(nameof(AgentRetirement.DispatchShards)) || field.NameEquals("dispatchShards")) && field.Value.ValueKind == JsonValueKind.Number)
            {
                shards = field.Value.GetInt32();
            }
        }

        return new AgentRetirement(agentId ?? throw new JsonException("A retirement names no agent."), notify, shards);
    }

    public override void Write(Utf8JsonWriter writer, AgentRetirement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(nameof(AgentRetirement.AgentId), value.AgentId);
        writer.WriteBoolean(nameof(AgentRetirement.Notify), value.Notify);
        if (value.DispatchShards is { } shards)
        {
            writer.WriteNumber(nameof(AgentRetirement.DispatchShards), shards);
        }

        writer.WriteEndObject();
    }
}
