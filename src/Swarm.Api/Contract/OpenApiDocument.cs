using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Swarm.Application.Security;

namespace Swarm.Api.Contract;

/// <summary>
/// The API's OpenAPI 3.1 document, generated from the route table (<see cref="SwarmRoutes.All"/>), each route's
/// <see cref="ApiContract"/> and the request and response types (<see cref="ContractSchemas"/>); never written by hand.
/// Both hosts serve it (<c>GET /api/v1/openapi.json</c>) and <c>docs/api/openapi.json</c> is this output, checked by a test.
/// </summary>
public static partial class OpenApiDocument
{
    /// <summary>How the document is written to a file: indented, with only the escaping JSON needs, ending in a newline.</summary>
    public static JsonSerializerOptions FileOptions { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly Lazy<JsonObject> Current = new(() => Generate(SwarmRoutes.All));

    /// <summary>The document of every route the hosts serve, generated once per process.</summary>
    public static JsonObject ForSwarm => Current.Value;

    /// <summary>The document as the committed file holds it.</summary>
    public static string ToFileText(JsonObject document) => document.ToJsonString(FileOptions) + "\n";

    public static JsonObject Generate(IReadOnlyList<ApiRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var schemas = new ContractSchemas();
        var problem = schemas.For(typeof(ProblemDetails));
        var paths = new JsonObject();
        foreach (var route in routes)
        {
            var path = "/" + route.Template;
            if (paths[path] is not JsonObject item)
            {
                item = [];
                paths[path] = item;
            }

            item[route.Method.ToLowerInvariant()] = Operation(route, schemas, problem);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "Swarm API",
                ["version"] = "v1",
                ["description"] = "The swarm's HTTP API, as both hosts (the Functions app and the local host) serve it. Every route but health, readiness and the real-time handshake needs a credential; each operation names the permission it needs (x-permission). Every error is an RFC 9457 problem document (application/problem+json). Generated from the route table (src/Swarm.Api/SwarmRoutes.cs); do not edit by hand.",
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
            },
            ["servers"] = new JsonArray(
                new JsonObject { ["url"] = "http://127.0.0.1:5180", ["description"] = "The local host (./run.sh), on its default port (localHost:httpPort)." },
                new JsonObject { ["url"] = "http://127.0.0.1:7071", ["description"] = "The Functions app under Azure Functions Core Tools (func start); a deployed app serves the same paths at its own address." }),
            ["tags"] = new JsonArray([.. routes.Select(TagOf).Distinct(StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject { ["name"] = t, ["description"] = OpenApiTags.Describe(t) })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components(),
                ["securitySchemes"] = OpenApiSecurity.Schemes(),
            },
        };
    }

    static JsonObject Operation(ApiRoute route, ContractSchemas schemas, JsonNode problem)
    {
        var contract = route.Contract;
        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["summary"] = contract.Summary,
            ["description"] = Describe(route),
            ["tags"] = new JsonArray(TagOf(route)),
            ["x-permission"] = route.Permission,
            ["security"] = OpenApiSecurity.For(route),
        };

        var parameters = new JsonArray();
        foreach (Match name in RouteParameter().Matches(route.Template))
        {
            parameters.Add(new JsonObject { ["name"] = name.Groups[1].Value, ["in"] = "path", ["required"] = true, ["description"] = $"The {name.Groups[1].Value} this request is about.", ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var (parameter, place) in contract.Query.Select(p => (p, "query")).Concat(contract.Headers.Select(p => (p, "header"))))
        {
            parameters.Add(new JsonObject { ["name"] = parameter.Name, ["in"] = place, ["required"] = parameter.Required, ["description"] = parameter.Description, ["schema"] = schemas.For(parameter.Type) });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (contract.Body is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = !contract.BodyOptional,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.For(body) } },
            };
        }

        var responses = new JsonObject();
        foreach (var result in contract.Results)
        {
            var response = new JsonObject { ["description"] = result.Description };
            if (result.Body is { } type)
            {
                response["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.For(type) } };
            }
            else if (result.TextMediaType is { } media)
            {
                response["content"] = new JsonObject { [media] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } };
            }

            responses[result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        foreach (var (status, meaning) in Errors(route))
        {
            responses[status] ??= new JsonObject
            {
                ["description"] = meaning,
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = problem.DeepClone() } },
            };
        }

        operation["responses"] = responses;
        return operation;
    }

    /// <summary>The problems every route of this kind can answer; "default" covers the rest (409, 413, 415, 500, 503 and so on).</summary>
    static IEnumerable<(string Status, string Meaning)> Errors(ApiRoute route)
    {
        yield return ("400", "The request is malformed or fails validation; the problem names the field.");
        if (route.Permission != Permissions.Anonymous)
        {
            yield return ("401", "No credential, or one that is not valid (expired, revoked, wrong signature).");
            yield return ("403", $"The credential does not hold '{route.Permission}' (or the resource is not the caller's to use).");
            yield return ("429", "Too many requests from this caller; Retry-After says when to come back.");
        }

        if (route.Template.Contains('{', StringComparison.Ordinal))
        {
            yield return ("404", "Nothing has that id.");
        }

        yield return ("default", "Any other problem: a conflict with the resource's state (409), a body too large (413) or of the wrong media type (415), a dependency down (503, with Retry-After).");
    }

    static string Describe(ApiRoute route)
    {
        var permission = route.Permission switch
        {
            Permissions.Anonymous => "No credential needed.",
            Permissions.Authenticated => "Needs only 'authenticated': any valid credential (a person's or service's token, or an agent's API key), whatever it grants.",
            Permissions.ChannelService => "Only the real-time service (Azure Web PubSub) may call it, with its own signature; no swarm credential is accepted.",
            _ => $"Needs the '{route.Permission}' permission." + (route.OpenToTheAgentItNames ? " An agent may also call it for its own id without it." : ""),
        };
        return route.Contract.Description is { } description ? description + "\n\n" + permission : permission;
    }

    /// <summary>The resource a route belongs to: the segment after <c>api/v1/</c> (<c>tasks</c>, <c>agents</c>), <c>system</c> for the scrape path, or <c>health</c>.</summary>
    static string TagOf(ApiRoute route)
    {
        var segments = route.Template.Split('/');
        return segments switch
        {
            ["api", "v1", var resource, ..] => resource.Split('.')[0],
            ["metrics"] => "system",
            _ => "health",
        };
    }

    [GeneratedRegex(@"\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
