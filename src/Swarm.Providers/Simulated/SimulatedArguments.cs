using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Swarm.Providers.Simulated;

/// <summary>
/// The arguments of a simulated tool call, made from the tool's JSON schema so that a tool checking its input accepts
/// them: every required property gets a value of its type, optional ones are left out. A string is <c>sim-</c> and a
/// short hash for a key-like property (an id, key or name), a value of its format for a date, date-time, URI, e-mail or
/// UUID, and otherwise an excerpt of the prompt; a number is 1 (or the nearest the schema's bounds allow); a boolean is
/// true; an enum or const takes its first value; an array has one item (or its minimum); an object gets its own
/// required properties. The same schema, prompt and salt always give the same arguments.
/// </summary>
public static class SimulatedArguments
{
    const int ExcerptLength = 60;

    /// <summary>Schemas nest deeper than this only by mistake (or by recursion through definitions, which are not followed).</summary>
    const int MaxDepth = 8;

    const int MaxItems = 10;

    /// <param name="schema">The tool's input schema, an object schema.</param>
    /// <param name="prompt">What string values are made from.</param>
    /// <param name="salt">Keeps the keys of different calls apart (the tool, the round and the call's place in it).</param>
    public static Dictionary<string, object?> For(JsonElement schema, string prompt, string salt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(salt);
        var arguments = Object(schema, new Context(Excerpt(prompt), $"{prompt}\u0000{salt}"), "", 0);
        return arguments.ToDictionary(pair => pair.Key, pair => (object?)JsonSerializer.SerializeToElement(pair.Value), StringComparer.Ordinal);
    }

    static JsonObject Object(JsonElement schema, Context context, string path, int depth)
    {
        var result = new JsonObject();
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth
            || !schema.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        var properties = schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object ? declared : default;
        foreach (var name in required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!))
        {
            var property = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var found) ? found : default;
            result[name] = Value(property, name, context, $"{path}/{name}", depth + 1);
        }

        return result;
    }

    static JsonNode? Value(JsonElement schema, string name, Context context, string path, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return String(schema, name, context, path);
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
        {
            return JsonNode.Parse(options[0].GetRawText());
        }

        foreach (var union in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(union, out var alternatives) && alternatives.ValueKind == JsonValueKind.Array
                && alternatives.EnumerateArray().FirstOrDefault(a => a.ValueKind == JsonValueKind.Object && !SimulatedJson.TypesOf(a).SequenceEqual(["null"]))
                    is { ValueKind: JsonValueKind.Object } alternative)
            {
                return Value(alternative, name, context, path, depth);
            }
        }

        var types = SimulatedJson.TypesOf(schema);
        return types.FirstOrDefault(t => t != "null") switch
        {
            null => null,
            "object" => Object(schema, context, path, depth),
            "array" => Array(schema, name, context, path, depth),
            "integer" => JsonValue.Create((long)Math.Round(Bounded(schema, whole: true))),
            "number" => JsonValue.Create(Bounded(schema, whole: false)),
            "boolean" => JsonValue.Create(true),
            _ => String(schema, name, context, path),
        };
    }

    static JsonArray Array(JsonElement schema, string name, Context context, string path, int depth)
    {
        var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
        var count = schema.TryGetProperty("minItems", out var minimum) && minimum.TryGetInt32(out var least) ? Math.Clamp(least, 1, MaxItems) : 1;
        var singular = name.EndsWith('s') ? name[..^1] : name;
        var result = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            result.Add(Value(items, singular, context, $"{path}/{i}", depth + 1));
        }

        return result;
    }

    /// <summary>1, moved inside the schema's bounds when they exclude it.</summary>
    static double Bounded(JsonElement schema, bool whole)
    {
        var step = whole ? 1 : 0.5;
        var low = Number(schema, "minimum") ?? Number(schema, "exclusiveMinimum") + step;
        var high = Number(schema, "maximum") ?? Number(schema, "exclusiveMaximum") - step;
        var value = 1.0;
        if (low is { } floor && value < floor)
        {
            value = whole ? Math.Ceiling(floor) : floor;
        }

        if (high is { } ceiling && value > ceiling)
        {
            value = whole ? Math.Floor(ceiling) : ceiling;
        }

        return value;
    }

    static double? Number(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    static JsonValue String(JsonElement schema, string name, Context context, string path)
    {
        var key = "sim-" + Hash(context.Salt + "\u0000" + path)[..8];
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var declared) ? declared.GetString() : null;
        var text = format switch
        {
            "date-time" => "2026-01-01T00:00:00Z",
            "date" => "2026-01-01",
            "uri" or "url" or "uri-reference" or "iri" => $"https://example.com/{key}",
            "email" => $"{key}@example.com",
            "uuid" => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(context.Salt + "\u0000" + path))[..16]).ToString(),
            _ => IsKeyLike(name) ? key : context.Excerpt,
        };
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("maxLength", out var longest) && longest.TryGetInt32(out var most) && most >= 1 && text.Length > most)
        {
            text = text[..most];
        }

        return JsonValue.Create(text);
    }

    /// <summary>An id, a key or a name, in any of the usual spellings: <c>id</c>, <c>user_id</c>, <c>userId</c>, <c>api-key</c>, <c>fileName</c>.</summary>
    static bool IsKeyLike(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower is "id" or "key" or "name" or "uid" or "uuid")
        {
            return true;
        }

        foreach (var word in (string[])["id", "key", "name"])
        {
            if (lower.EndsWith("_" + word, StringComparison.Ordinal) || lower.EndsWith("-" + word, StringComparison.Ordinal))
            {
                return true;
            }

            // camelCase: the word starts with a capital after a lower-case letter or a digit (userId, fileName, but not paid).
            var camel = char.ToUpperInvariant(word[0]) + word[1..];
            var before = name.Length > word.Length ? name[^(word.Length + 1)] : ' ';
            if ((name.EndsWith(camel, StringComparison.Ordinal) || name.EndsWith(word.ToUpperInvariant(), StringComparison.Ordinal))
                && (char.IsLower(before) || char.IsDigit(before)))
            {
                return true;
            }
        }

        return false;
    }

    static string Excerpt(string prompt)
    {
        var line = string.Join(' ', prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length == 0)
        {
            return SimulatedChatClient.Label;
        }

        return line.Length <= ExcerptLength ? line : line[..ExcerptLength];
    }

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    sealed record Context(string Excerpt, string Salt);
}
