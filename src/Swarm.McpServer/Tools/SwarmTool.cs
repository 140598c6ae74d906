using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Swarm.Api;

namespace Swarm.McpServer.Tools;

/// <summary>
/// One MCP tool and the REST route it stands for. A call is that route's request in another envelope: its arguments
/// become route values, query parameters, headers and the JSON body, and the request runs through
/// <see cref="ApiDispatcher"/> with the route's own permission.
/// </summary>
/// <param name="Name">The tool's name (snake_case, as MCP clients show them).</param>
/// <param name="Description">What it does, for the model that picks tools; it names the permission the call needs.</param>
/// <param name="Route">The REST route a call runs.</param>
/// <param name="Arguments">Its arguments; nothing else is accepted.</param>
/// <param name="WaitsForTheEnd">Whether the call polls its route until the task ends (<c>wait_for_task</c>), sending progress meanwhile.</param>
public sealed record SwarmTool(string Name, string Description, ApiRoute Route, IReadOnlyList<ToolArgument> Arguments, bool WaitsForTheEnd = false)
{
    /// <summary>The tool as <c>tools/list</c> shows it: an input schema stating each argument's type and which are required.</summary>
    public Tool Describe()
    {
        var properties = new JsonObject();
        foreach (var argument in Arguments)
        {
            properties[argument.Name] = argument.Schema.DeepClone();
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. Arguments.Where(a => a.Required).Select(a => JsonValue.Create(a.Name))]),
            ["additionalProperties"] = false,
        };
        return new Tool
        {
            Name = Name,
            Description = Description,
            InputSchema = JsonSerializer.SerializeToElement(schema),
            Annotations = new ToolAnnotations { ReadOnlyHint = Route.Method == "GET" },
        };
    }
}
