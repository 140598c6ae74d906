using System.Text.Json;
using System.Text.Json.Nodes;

namespace Swarm.Providers.Simulated;

/// <summary>
/// The simulated provider's answer to a request for structured output: an instance of the requested JSON schema, so
/// the workflows that need JSON (plans, votes) run without a model. Strings carry the simulated label and echo the
/// prompt and the number of the array item they are in (so the items of an array differ, objects' included: a plan's
/// subtasks are three different subtasks); arrays get <see cref="ArrayLength"/> items; nullable values are null; a
/// string enum (a ballot's choice) takes the value <c>chooseEnum</c> picks, or its first.
/// </summary>
public static class SimulatedJson
{
    public const int ArrayLength = 3;

    public static string Instantiate(JsonElement schema, string prompt, Func<IReadOnlyList<string>, string>? chooseEnum = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var head = prompt.Length <= 60 ? prompt : prompt[..60] + "…";
        return (Value(schema, "value", head, 1, chooseEnum) ?? JsonValue.Create("")).ToJsonString();
    }

    static JsonNode? Value(JsonElement schema, string name, string head, int index, Func<IReadOnlyList<string>, string>? chooseEnum)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create($"{SimulatedChatClient.Label} {name} {index}: {head}");
        }

        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
        {
            var values = options.EnumerateArray().ToList();
            return chooseEnum is not null && values.All(v => v.ValueKind == JsonValueKind.String)
                ? JsonValue.Create(chooseEnum([.. values.Select(v => v.GetString()!)]))
                : JsonNode.Parse(values[0].GetRawText());
        }

        var types = TypesOf(schema);
        if (types.Contains("null"))
        {
            return null;
        }

        return types.FirstOrDefault() switch
        {
            "object" => Object(schema, head, index, chooseEnum),
            "array" => Array(schema, name, head, chooseEnum),
            "integer" => JsonValue.Create(index),
            "number" => JsonValue.Create(0.5),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create($"{SimulatedChatClient.Label} {name} {index}: {head}"),
        };
    }

    /// <param name="index">The number of the array item this object is (1 outside arrays), which its strings carry.</param>
    static JsonObject Object(JsonElement schema, string head, int index, Func<IReadOnlyList<string>, string>? chooseEnum)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Value(property.Value, property.Name, head, index, chooseEnum);
            }
        }

        return result;
    }

    static JsonArray Array(JsonElement schema, string name, string head, Func<IReadOnlyList<string>, string>? chooseEnum)
    {
        var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
        var singular = name.EndsWith('s') ? name[..^1] : name;
        var result = new JsonArray();
        for (var i = 1; i <= ArrayLength; i++)
        {
            result.Add(Value(items, singular, head, i, chooseEnum));
        }

        return result;
    }

    /// <summary>The types a schema allows, by its <c>type</c> (one or a list); an object when it only has properties, else a string.</summary>
    internal static List<string> TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? ["object"] : ["string"];
        }

        return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString() ?? "string")] : [type.GetString() ?? "string"];
    }
}
