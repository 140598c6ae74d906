using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Swarm.Api;
using Swarm.Domain.Tasks;

namespace Swarm.McpServer.Tools;

/// <summary>
/// Turns a tool call's arguments into the REST request of its route, or names every argument that is wrong. Only the
/// arguments' presence and JSON types are checked here; what the values mean is the route handler's to judge, with the
/// same validation (and the same problem) as over REST.
/// </summary>
public static class ToolRequests
{
    public static ApiRequest? Build(SwarmTool tool, IDictionary<string, JsonElement>? arguments, ApiRequest call, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(call);
        arguments ??= new Dictionary<string, JsonElement>();
        var problems = new List<FieldError>();
        foreach (var unknown in arguments.Keys.Where(k => tool.Arguments.All(a => a.Name != k)).Order(StringComparer.Ordinal))
        {
            problems.Add(new(unknown, $"is not an argument of {tool.Name}; its arguments: {string.Join(", ", tool.Arguments.Select(a => a.Name))}."));
        }

        var routeValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = new JsonObject();
        foreach (var argument in tool.Arguments)
        {
            if (!arguments.TryGetValue(argument.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                if (argument.Required)
                {
                    problems.Add(new(argument.Name, $"is required ({Article(argument.JsonType)} {argument.JsonType})."));
                }

                continue;
            }

            if (!HasType(value, argument.JsonType))
            {
                problems.Add(new(argument.Name, $"must be {Article(argument.JsonType)} {argument.JsonType}, not {Describe(value)}."));
                continue;
            }

            if (OutOfRange(value, argument) is { } range)
            {
                problems.Add(new(argument.Name, range));
                continue;
            }

            switch (argument.Place)
            {
                case ArgumentPlace.Route when value.GetString() is not { Length: > 0 } text:
                    problems.Add(new(argument.Name, "must not be empty."));
                    break;
                case ArgumentPlace.Route:
                    routeValues[argument.Name] = value.GetString()!;
                    break;
                case ArgumentPlace.Query:
                    query[argument.Name] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    break;
                case ArgumentPlace.Header:
                    headers[argument.WireName ?? argument.Name] = value.GetString()!;
                    break;
                default:
                    body[argument.Name] = JsonNode.Parse(value.GetRawText());
                    break;
            }
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return null;
        }

        var content = tool.Route.TakesBody ? Encoding.UTF8.GetBytes(body.ToJsonString()) : null;
        if (content is not null)
        {
            headers["Content-Type"] = "application/json";
            headers["Content-Length"] = content.Length.ToString(CultureInfo.InvariantCulture);
        }

        return new ApiRequest
        {
            Method = tool.Route.Method,
            Path = tool.Route.PathFor([.. routeValues.Select(v => (v.Key, v.Value))]),
            RouteValues = routeValues,
            Query = query,
            Headers = headers,
            Body = content is null ? Stream.Null : new MemoryStream(content, writable: false),
            ClientAddress = call.ClientAddress,
            CorrelationId = call.CorrelationId,
            Principal = call.Principal,
        };
    }

    /// <summary>A number outside its schema's <c>minimum</c> and <c>maximum</c>, named; the same bounds the tool list shows.</summary>
    static string? OutOfRange(JsonElement value, ToolArgument argument)
    {
        if (value.ValueKind != JsonValueKind.Number || argument.Schema["minimum"] is not { } minimum || argument.Schema["maximum"] is not { } maximum)
        {
            return null;
        }

        var number = value.GetDouble();
        return number < Number(minimum) || number > Number(maximum)
            ? string.Create(CultureInfo.InvariantCulture, $"must be between {minimum.ToJsonString()} and {maximum.ToJsonString()}, not {value.GetRawText()}.")
            : null;
    }

    static double Number(JsonNode bound) => double.Parse(bound.ToJsonString(), CultureInfo.InvariantCulture);

    static string Article(string type) => type is "integer" or "array" or "object" ? "an" : "a";

    static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
