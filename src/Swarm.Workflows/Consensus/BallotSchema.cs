using System.Text.Json;
using System.Text.Json.Nodes;

namespace Swarm.Workflows.Consensus;

/// <summary>The JSON schema a voter's model must answer with: one of the options (as an enum), a confidence from 0 to 1, and a rationale.</summary>
public static class BallotSchema
{
    public static JsonElement For(IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["choice"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. options.Select(o => (JsonNode?)JsonValue.Create(o))]) },
                ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
                ["rationale"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("choice", "confidence", "rationale"),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }
}
