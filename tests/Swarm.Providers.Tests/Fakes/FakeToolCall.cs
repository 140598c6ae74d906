using System.Text.Json.Nodes;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>One tool call a fake vendor makes: the id the vendor gives it, the tool's name and its arguments.</summary>
/// <param name="ArgumentsJson">A JSON object, as the model would write it.</param>
public sealed record FakeToolCall(string Id, string Name, string ArgumentsJson)
{
    /// <summary>The arguments as a JSON object, for the formats that send them parsed rather than as a string.</summary>
    public JsonObject Arguments() => JsonNode.Parse(ArgumentsJson)!.AsObject();
}
