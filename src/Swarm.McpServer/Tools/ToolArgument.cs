using System.Text.Json.Nodes;

namespace Swarm.McpServer.Tools;

/// <summary>
/// One argument of a tool: its JSON Schema (what the tool list shows a model) and where it goes in the REST request.
/// </summary>
/// <param name="Name">The argument's name, the same as the REST field, parameter or route value it fills.</param>
/// <param name="Schema">Its JSON Schema; its <c>type</c> is also what a call's value is checked against.</param>
/// <param name="Place">Where it goes in the request.</param>
/// <param name="Required">Whether a call must give it.</param>
/// <param name="WireName">The name on the wire when it differs from <paramref name="Name"/> (a header's name).</param>
public sealed record ToolArgument(string Name, JsonObject Schema, ArgumentPlace Place, bool Required = false, string? WireName = null)
{
    /// <summary>The JSON type a value must have (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c>, <c>object</c>).</summary>
    public string JsonType => Schema["type"]?.GetValue<string>() ?? "string";

    public static ToolArgument Text(string name, string description, ArgumentPlace place, bool required = false) =>
        new(name, new JsonObject { ["type"] = "string", ["description"] = description }, place, required);

    public static ToolArgument Choice(string name, string description, ArgumentPlace place, params string[] values) =>
        new(name, new JsonObject { ["type"] = "string", ["description"] = description, ["enum"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]) }, place);

    public static ToolArgument Whole(string name, string description, ArgumentPlace place, int minimum, int maximum, bool required = false) =>
        new(name, new JsonObject { ["type"] = "integer", ["description"] = description, ["minimum"] = minimum, ["maximum"] = maximum }, place, required);

    public static ToolArgument Whole(string name, string description, ArgumentPlace place) =>
        new(name, new JsonObject { ["type"] = "integer", ["description"] = description }, place);

    public static ToolArgument Fraction(string name, string description, ArgumentPlace place) =>
        new(name, new JsonObject { ["type"] = "number", ["description"] = description, ["minimum"] = 0, ["maximum"] = 1 }, place);

    public static ToolArgument Flag(string name, string description, ArgumentPlace place) =>
        new(name, new JsonObject { ["type"] = "boolean", ["description"] = description }, place);

    public static ToolArgument Texts(string name, string description, ArgumentPlace place, bool required = false) =>
        new(name, new JsonObject { ["type"] = "array", ["description"] = description, ["items"] = new JsonObject { ["type"] = "string" } }, place, required);

    public static ToolArgument Shaped(string name, JsonObject schema, ArgumentPlace place, bool required = false) => new(name, schema, place, required);
}
