using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="RetireAgentOrchestrator"/>: the agent, and whether the operators hear of its retirement.</summary>
/// <param name="Notify">Whether the channel was on when the retirement started (fixed then, so replays agree).</param>
[JsonConverter(typeof(AgentRetirementConverter))]
public sealed record AgentRetirement(string AgentId, bool Notify = false);

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
        }

        return new AgentRetirement(agentId ?? throw new JsonException("A retirement names no agent."), notify);
    }

    public override void Write(Utf8JsonWriter writer, AgentRetirement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(nameof(AgentRetirement.AgentId), value.AgentId);
        writer.WriteBoolean(nameof(AgentRetirement.Notify), value.Notify);
        writer.WriteEndObject();
    }
}
