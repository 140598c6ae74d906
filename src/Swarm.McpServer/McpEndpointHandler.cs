using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Swarm.Api;
using Swarm.McpServer.Tools;

namespace Swarm.McpServer;

/// <summary>
/// Serves one POST of the MCP endpoint, statelessly: every request gets a fresh server over the SDK's
/// <see cref="StreamableHttpServerTransport"/>, which answers it on this response's event stream (progress
/// notifications first, then the result), so any instance of either host can serve any request. Notifications and
/// responses from the client need no answer in a stateless server and get 202.
/// </summary>
public sealed class McpEndpointHandler(SwarmToolCalls toolCalls, ILoggerFactory loggerFactory) : IApiHandler
{
    /// <summary>A JSON-RPC message is small; a tool's largest argument (a prompt) is far below this.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ApiJson.ReadBytesAsync(request, MaxMessageBytes, cancellationToken)
            ?? throw new ApiProblemException(Problems.PayloadTooLarge(MaxMessageBytes));
        JsonRpcMessage? message;
        try
        {
            message = body.Length == 0 ? null : JsonSerializer.Deserialize<JsonRpcMessage>(body, McpJsonUtilities.DefaultOptions);
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(Problems.MalformedBody("The body is not a JSON-RPC message: " + e.Message));
        }

        if (message is null)
        {
            throw new ApiProblemException(Problems.MalformedBody("The body is empty; POST one JSON-RPC message."));
        }

        if (message is not JsonRpcRequest rpc)
        {
            return new ApiResponse(202, null);
        }

        var exchange = new McpExchange(rpc, ServerOptions(request, durable), loggerFactory);
        return new ApiResponse(200, exchange, "text/event-stream")
            .WithHeader("Cache-Control", "no-cache, no-store")
            .WithHeader("X-Accel-Buffering", "no");
    }

    McpServerOptions ServerOptions(ApiRequest call, DurableTaskClient durable) => new()
    {
        ServerInfo = new Implementation { Name = "swarm", Version = typeof(McpEndpointHandler).Assembly.GetName().Version?.ToString() ?? "1.0.0" },
        ServerInstructions = "The Swarm orchestrates LLM agents. Submit work with submit_task and follow it with wait_for_task; each tool needs the permission its description names.",
        Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
        ScopeRequests = false,
        Handlers = new McpServerHandlers
        {
            ListToolsHandler = (_, _) => SwarmToolCalls.ListAsync(),
            CallToolHandler = (context, cancellationToken) => toolCalls.CallAsync(context, call, durable, cancellationToken),
        },
    };
}
