using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Swarm.Api;
using Swarm.McpServer;

namespace Swarm.Functions.Http;

/// <summary>
/// The MCP endpoint as an HTTP function on the local host's path: POST goes to the shared dispatcher like any route
/// (<see cref="McpRoutes.Endpoint"/>); GET and DELETE get the stateless server's 405. The worker's
/// <see cref="HttpResponseData"/> is sent when the function returns, so a call's progress notifications arrive
/// together with its result here, where the local host streams them as they happen.
/// </summary>
public sealed class McpFunction(ApiDispatcher dispatcher)
{
    [Function(McpRoutes.FunctionName)]
    public async Task<HttpResponseData> Mcp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", "delete", Route = "api/v1/mcp")] HttpRequestData request,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellation = request.FunctionContext.CancellationToken;
        var apiRequest = FunctionsHttpAdapter.ToApiRequest(McpRoutes.Endpoint, request);
        var response = apiRequest.Method == McpRoutes.Endpoint.Method
            ? await dispatcher.DispatchAsync(McpRoutes.Endpoint, apiRequest, durable, cancellation)
            : McpRoutes.MethodNotAllowed(apiRequest.Method, apiRequest.CorrelationId);
        return await FunctionsHttpAdapter.ToHttpResponseAsync(request, response, cancellation);
    }
}
