using System.Globalization;
using System.Text.Json;

namespace Swarm.Cli.Api;

/// <summary>
/// Reading the API's JSON without the server's types: the CLI stays a client of the wire format only, so it prints
/// what the swarm sent (fields it does not know included) and breaks on nothing it does not read.
/// </summary>
static class Json
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A property as text (numbers and booleans as written), or null when absent or null.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? Text(value) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Text(v) ?? "")),
        _ => value.GetRawText(),
    };

    /// <summary>The value at a dotted path (<c>result.text</c>), if every step of it is there.</summary>
    public static JsonElement? At(JsonElement element, string path)
    {
        var current = element;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? TextAt(JsonElement element, string path) => At(element, path) is { } value ? Text(value) : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];

    public static string Format(long number) => number.ToString("N0", CultureInfo.InvariantCulture);
}
