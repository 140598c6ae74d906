using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Swarm.Api;

namespace Swarm.McpServer;

/// <summary>
/// One JSON-RPC request and its answer, written as the response body: a server made for this request alone runs over a
/// stateless <see cref="StreamableHttpServerTransport"/> until the answer is written, then is disposed.
/// </summary>
sealed class McpExchange(JsonRpcRequest request, McpServerOptions options, ILoggerFactory loggerFactory) : IStreamedBody
{
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await using var transport = new StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        await using var server = ModelContextProtocol.Server.McpServer.Create(transport, options, loggerFactory);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = server.RunAsync(stop.Token);
        try
        {
            await transport.HandlePostRequestAsync(request, destination, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // The server's loop ends by cancellation once the answer is written.
            }
        }
    }
}
