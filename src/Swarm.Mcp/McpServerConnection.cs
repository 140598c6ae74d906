using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Swarm.Mcp.Configuration;

namespace Swarm.Mcp;

/// <summary>
/// One configured server as the swarm reaches it: an MCP client created on first use, shared by every call, and created
/// again once its connection has ended (a server process that exited, an HTTP session the server forgot) or was
/// discarded after a failure, so one bad moment does not fail every later call.
/// </summary>
sealed partial class McpServerConnection(string name, McpServerSettings settings, TimeSpan initializationTimeout, ILogger logger) : IAsyncDisposable
{
    /// <summary>A server that is there answers a ping at once; a few seconds allow for one that is busy.</summary>
    static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    readonly SemaphoreSlim gate = new(1, 1);
    McpClient? client;
    bool disposed;

    public string Name => name;

    public McpServerSettings Settings => settings;

    /// <summary>A connected client: the current one while its connection lasts, else a new one.</summary>
    public async Task<McpClient> ClientAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref client);
        if (current is { Completion.IsCompleted: false })
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (client is { Completion.IsCompleted: false })
            {
                return client;
            }

            if (client is not null)
            {
                ConnectionEnded(logger, name);
                await CloseQuietlyAsync(client);
                client = null;
            }

            var transport = McpServerTransport.Create(name, settings, line => StandardErrorLine(logger, name, line));
            var options = new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "swarm", Version = typeof(McpServerConnection).Assembly.GetName().Version?.ToString() ?? "1.0.0" },
                InitializationTimeout = initializationTimeout,
            };
            // No logger for the SDK: it logs requests and results at trace level and every stderr line at information.
            // What an operator needs is logged here instead, without arguments, results or secrets.
            var created = await McpClient.CreateAsync(transport, options, loggerFactory: null, cancellationToken);
            Volatile.Write(ref client, created);
            Connected(logger, name, settings.IsStdio ? "stdio" : "Streamable HTTP");
            return created;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// After a request on <paramref name="failed"/> failed: keeps the connection when the failure was the server's own
    /// answer and it still answers a ping; otherwise drops it, so the next request connects again. A JSON-RPC error
    /// alone does not tell: servers answer a session they lost (restarted, say) with one too, where the specification
    /// asks for a 404 that the SDK would recognise.
    /// </summary>
    /// <returns>True when the connection was dropped.</returns>
    public async Task<bool> DropIfBrokenAsync(McpClient failed, Exception failure)
    {
        if (failure is McpProtocolException && !failed.Completion.IsCompleted && await AnswersPingAsync(failed))
        {
            return false;
        }

        await gate.WaitAsync();
        try
        {
            if (ReferenceEquals(client, failed))
            {
                client = null;
                ConnectionDropped(logger, name);
                await CloseQuietlyAsync(failed);
            }
        }
        finally
        {
            gate.Release();
        }

        return true;
    }

    static async Task<bool> AnswersPingAsync(McpClient client)
    {
        using var deadline = new CancellationTokenSource(PingTimeout);
        try
        {
            await client.PingAsync(cancellationToken: deadline.Token);
            return true;
        }
#pragma warning disable CA1031 // Whatever the ping meets, the answer is the same: this connection is not to be trusted.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            disposed = true;
            if (client is not null)
            {
                await CloseQuietlyAsync(client);
                client = null;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ends the session (for stdio: the process, its children included); a server already gone is no error.</summary>
    async Task CloseQuietlyAsync(McpClient closing)
    {
        try
        {
            await closing.DisposeAsync();
        }
#pragma warning disable CA1031 // Closing is best-effort: whatever it throws, the client is abandoned either way.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = e.GetType().Name;
            CloseFailed(logger, name, error);
        }
    }

    [LoggerMessage(EventId = 1711, Level = LogLevel.Information, Message = "Tool server {Server} connected over {Transport}")]
    private static partial void Connected(ILogger logger, string server, string transport);

    [LoggerMessage(EventId = 1712, Level = LogLevel.Warning, Message = "Tool server {Server}: its connection ended; connecting again")]
    private static partial void ConnectionEnded(ILogger logger, string server);

    [LoggerMessage(EventId = 1715, Level = LogLevel.Warning, Message = "Tool server {Server}: its connection failed and is dropped; the next request connects again")]
    private static partial void ConnectionDropped(ILogger logger, string server);

    [LoggerMessage(EventId = 1713, Level = LogLevel.Debug, Message = "Tool server {Server}: closing its connection failed ({Error})")]
    private static partial void CloseFailed(ILogger logger, string server, string error);

    [LoggerMessage(EventId = 1714, Level = LogLevel.Debug, Message = "Tool server {Server} stderr: {Line}")]
    private static partial void StandardErrorLine(ILogger logger, string server, string line);
}
