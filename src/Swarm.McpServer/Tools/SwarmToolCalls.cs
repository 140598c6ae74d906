using System.Text.Json;
using Microsoft.DurableTask.Client;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Swarm.Api;

namespace Swarm.McpServer.Tools;

/// <summary>
/// Runs one tool call: its arguments become its route's request, which goes through <see cref="ApiDispatcher"/> as the
/// MCP request's caller, so the permission check, rate limit, audit record and problem are REST's own. There is no
/// other check here than the arguments' shape.
/// </summary>
public sealed class SwarmToolCalls(ApiDispatcher dispatcher, TimeProvider time)
{
    /// <param name="call">The MCP HTTP request, already authenticated: its caller, address and correlation id carry over.</param>
    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, ApiRequest call, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(call);
        var name = context.Params?.Name ?? string.Empty;
        var tool = SwarmToolCatalog.Find(name)
            ?? throw new McpProtocolException($"Unknown tool '{name}'; tools/list names the swarm's tools.", McpErrorCode.InvalidParams);
        var arguments = context.Params?.Arguments;
        if (ToolRequests.Build(tool, arguments, call, out var errors) is not { } request)
        {
            return ToolResults.InvalidArguments(tool, errors);
        }

        if (!tool.WaitsForTheEnd)
        {
            return ToolResults.From(await dispatcher.DispatchAsync(tool.Route, request, durable, cancellationToken, call.Principal));
        }

        var timeout = TaskWaiter.TimeoutFrom(arguments);
        var progressToken = context.Params?.ProgressToken;
        var (last, ended) = await TaskWaiter.WaitAsync(
            ct => dispatcher.DispatchAsync(tool.Route, request, durable, ct, call.Principal),
            timeout,
            async (reading, status, ct) =>
            {
                if (progressToken is { } token)
                {
                    await context.Server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = reading, Message = TaskWaiter.Describe(reading, status) }, cancellationToken: ct);
                }
            },
            time,
            cancellationToken);
        return ToolResults.From(last, ended ? null : $"The task has not ended after {timeout.TotalSeconds:0} seconds; call wait_for_task again to keep waiting. Its state now:");
    }

    public static ValueTask<ListToolsResult> ListAsync() => ValueTask.FromResult(new ListToolsResult { Tools = [.. SwarmToolCatalog.All.Select(t => t.Describe())] });
}
