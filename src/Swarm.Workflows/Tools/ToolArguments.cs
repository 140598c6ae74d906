using System.Text.Json;

namespace Swarm.Workflows.Tools;

/// <summary>
/// Reads a model's tool arguments. A model may send anything, so every read checks the shape and a bad argument
/// becomes a <see cref="ToolArgumentException"/> naming it, which the model gets back as the tool's error.
/// </summary>
public sealed class ToolArguments(JsonElement arguments)
{
    /// <summary>Parses a call's arguments; a call whose arguments are not a JSON object fails as a bad argument.</summary>
    public static ToolArguments Of(ToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.ArgumentProblem is { } problem || call.Arguments is null)
        {
            throw new ToolArgumentException(call.ArgumentProblem ?? "the call has no arguments.");
        }

        try
        {
            using var document = JsonDocument.Parse(call.Arguments);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new ToolArguments(document.RootElement.Clone())
                : throw new ToolArgumentException("the arguments must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ToolArgumentException($"the arguments are not JSON: {e.Message}");
        }
    }

    public JsonElement Json => arguments;

    /// <summary>A string argument, or null when it is absent (or JSON null).</summary>
    public string? Text(string name)
    {
        if (!arguments.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ToolArgumentException($"'{name}' must be a string.");
    }

    public string RequiredText(string name) =>
        Text(name) is { Length: > 0 } text ? text : throw new ToolArgumentException($"'{name}' is required and must be a non-empty string.");

    public int? WholeNumber(string name, int min, int max)
    {
        if (!arguments.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw new ToolArgumentException($"'{name}' must be a whole number from {min} to {max}.");
    }

    public IReadOnlyList<string> RequiredTexts(string name)
    {
        if (!arguments.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new ToolArgumentException($"'{name}' is required and must be an array of strings.");
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new ToolArgumentException($"'{name}' must hold only strings."))];
    }
}
