using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Swarm.Mcp.Configuration;
using Swarm.Workflows.Tools;

namespace Swarm.Mcp;

/// <summary>
/// The tools of the MCP servers in <c>mcp:servers</c>, through the official MCP C# SDK: one client per server, connected
/// on first use and again after its connection failed. Listing merges every server's tools (cached per server for
/// <c>listCacheSeconds</c>; a server that does not answer is left out and logged). A call is routed by its
/// <c>mcp__{server}__</c> prefix, bounded by <c>callTimeoutSeconds</c>, and always ends as a result (an error result
/// when the tool, the server or the connection failed) unless the caller cancels. Disposing closes every connection
/// and ends every server process.
/// </summary>
public sealed partial class McpToolServers : IToolServers, IAsyncDisposable, IDisposable
{
    readonly McpSettings settings;
    readonly TimeProvider time;
    readonly ILogger logger;
    readonly IReadOnlyDictionary<string, McpServerConnection> servers;
    readonly ConcurrentDictionary<string, ServerListing> listings = new(StringComparer.Ordinal);

    public McpToolServers(McpSettings settings, TimeProvider time, ILogger<McpToolServers> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        this.time = time;
        this.logger = logger;
        servers = settings.Servers
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => new McpServerConnection(s.Key, s.Value, settings.CallTimeout, logger), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ToolDefinition>> ListToolsAsync(CancellationToken cancellationToken)
    {
        var listed = await Task.WhenAll(servers.Values.Select(server => ToolsOfAsync(server, cancellationToken)));
        return [.. listed.SelectMany(tools => tools)];
    }

    public async Task<ToolResult> CallToolAsync(string name, JsonElement arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ToolNames.ParseServerTool(name) is not var (serverName, tool))
        {
            return ToolResult.Error($"'{name}' is not the name of a tool server's tool (mcp__<server>__<tool>).");
        }

        if (!servers.TryGetValue(serverName, out var server))
        {
            return ToolResult.Error($"No tool server named '{serverName}' is configured, so '{name}' cannot be called.");
        }

        if (arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return ToolResult.Error($"The arguments of '{name}' must be a JSON object, not {arguments.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.CallTimeout);
        McpClient? client = null;
        try
        {
            client = await server.ClientAsync(deadline.Token);
            var request = new CallToolRequestParams
            {
                Name = tool,
                Arguments = arguments.ValueKind == JsonValueKind.Object ? arguments.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) : null,
            };
            var result = await client.CallToolAsync(request, deadline.Token);
            var isError = result.IsError == true;
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            CallAnswered(logger, name, elapsedMs, isError);
            return new ToolResult(ToolResultText.Capped(ToolResultText.Of(result), settings.MaxResultChars), isError);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The server is told to stop (the SDK sends notifications/cancelled) and the connection is kept: a slow
            // tool is not a broken server.
            CallTimedOut(logger, name, settings.CallTimeoutSeconds);
            return ToolResult.Error($"'{name}' did not answer within {settings.CallTimeoutSeconds} s (mcp:callTimeoutSeconds) and was abandoned.");
        }
#pragma warning disable CA1031 // The port's promise: a tool, server or connection that fails gives the model an error result, never an exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = FailureText.Of(e, server.Settings.SecretValues);
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            CallFailed(logger, name, elapsedMs, reason);
            // The next call starts a fresh connection if this one is broken, rather than failing on it forever. The
            // call itself is not repeated: the server may have acted on it before the connection failed.
            if (client is not null)
            {
                await server.DropIfBrokenAsync(client, e);
            }

            return ToolResult.Error(ToolResultText.Capped($"'{name}' failed: {reason}", settings.MaxResultChars));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(servers.Values.Select(server => server.DisposeAsync().AsTask()));
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One server's tools: the cached list while it is fresh, else asked for (an empty list when it does not answer).</summary>
    async Task<IReadOnlyList<ToolDefinition>> ToolsOfAsync(McpServerConnection server, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (listings.TryGetValue(server.Name, out var cached) && cached.FreshUntil > now)
        {
            return cached.Tools;
        }

        IReadOnlyList<ToolDefinition> tools;
        try
        {
            tools = await AskForToolsAsync(server, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One server that fails must not take the others' tools away: it is left out and named in the log.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ServerLeftOut(logger, server.Name, e is OperationCanceledException
                ? $"no answer within {settings.CallTimeoutSeconds} s (mcp:callTimeoutSeconds)"
                : FailureText.Of(e, server.Settings.SecretValues));
            tools = [];
        }

        // A server that did not answer is asked again once the period is over, not on every listing in between.
        listings[server.Name] = new ServerListing(tools, now + settings.ListCacheDuration);
        return tools;
    }

    async Task<IReadOnlyList<ToolDefinition>> AskForToolsAsync(McpServerConnection server, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.CallTimeout);
        var client = await server.ClientAsync(deadline.Token);
        try
        {
            return Definitions(server.Name, await client.ListToolsAsync(cancellationToken: deadline.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (!await server.DropIfBrokenAsync(client, e))
            {
                throw;
            }
        }

        // Listing changes nothing, so unlike a call it may be repeated: on a fresh connection, once.
        client = await server.ClientAsync(deadline.Token);
        return Definitions(server.Name, await client.ListToolsAsync(cancellationToken: deadline.Token));
    }

    List<ToolDefinition> Definitions(string server, IList<McpClientTool> tools)
    {
        var definitions = new List<ToolDefinition>(tools.Count);
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            if (ToolNames.ForServer(server, tool.Name) is not { } name)
            {
                ToolSkipped(logger, server, tool.Name);
                continue;
            }

            definitions.Add(new ToolDefinition(name, tool.Description ?? tool.Title ?? "", tool.InputSchema.Clone()));
        }

        return definitions;
    }

    sealed record ServerListing(IReadOnlyList<ToolDefinition> Tools, DateTimeOffset FreshUntil);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Tool server {Server} is left out of the tool list: {Reason}")]
    private static partial void ServerLeftOut(ILogger logger, string server, string reason);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Tool server {Server}: tool '{Tool}' is skipped; mcp__{Server}__{Tool} is not a valid tool name (^[A-Za-z0-9_-]{{1,64}}$)")]
    private static partial void ToolSkipped(ILogger logger, string server, string tool);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Debug, Message = "Tool {Tool} answered in {ElapsedMs} ms (error result: {IsError})")]
    private static partial void CallAnswered(ILogger logger, string tool, long elapsedMs, bool isError);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Warning, Message = "Tool {Tool} did not answer within {Seconds} s and was abandoned")]
    private static partial void CallTimedOut(ILogger logger, string tool, int seconds);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Warning, Message = "Tool {Tool} failed after {ElapsedMs} ms: {Reason}")]
    private static partial void CallFailed(ILogger logger, string tool, long elapsedMs, string reason);
}
