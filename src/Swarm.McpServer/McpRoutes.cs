using Swarm.Api;
using Swarm.Api.Contract;
using Swarm.Application.Security;

namespace Swarm.McpServer;

/// <summary>
/// Where the swarm serves MCP: one path, <c>POST /api/v1/mcp</c>, in both hosts. It is not in <see cref="SwarmRoutes.All"/>
/// (it is a door to those routes, not a resource of its own, and has no REST shape to document); each host maps it
/// beside them. The dispatcher authenticates it like any route (401 without a valid credential, audited), and every
/// tool call inside is dispatched again as its own route, with that route's permission.
/// </summary>
public static class McpRoutes
{
    /// <summary>The endpoint's name: its function in the Functions app, its endpoint name in the local host.</summary>
    public const string FunctionName = "Mcp";

    public static readonly ApiRoute Endpoint = new(FunctionName, "POST", "api/v1/mcp", Permissions.Authenticated, typeof(McpEndpointHandler), TakesBody: true, AuditedByHandler: true)
    {
        // Not in the OpenAPI document (see above); declared because every route says what it gives.
        Contract = new("The swarm's MCP server (Streamable HTTP, stateless)", ApiResult.UntypedOk("The JSON-RPC answer, as server-sent events.")),
    };

    /// <summary>
    /// The answer to GET and DELETE on the endpoint: the server is stateless (no session to resume or end, no stream of
    /// unsolicited messages), which Streamable HTTP says to answer with 405.
    /// </summary>
    public static ApiResponse MethodNotAllowed(string method, string correlationId) =>
        ApiResponse.Problem(new ProblemDetails(
                "urn:swarm:problem:method-not-allowed",
                "The endpoint does not accept this method.",
                405,
                $"{method} is not allowed on /{Endpoint.Template}: the MCP server is stateless (no sessions, no server-initiated stream); POST each JSON-RPC message.")
            { Instance = "/" + Endpoint.Template, CorrelationId = correlationId })
            .WithHeader("Allow", "POST")
            .WithHeader(CorrelationIds.Header, correlationId);
}
