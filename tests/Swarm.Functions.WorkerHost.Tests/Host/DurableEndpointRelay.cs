using System.Net;
using System.Net.Sockets;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// A loopback TCP port that relays every connection, byte for byte, to the local host's durable gRPC socket (a Unix
/// socket). It stands in for the durable extension's gRPC endpoint, which the Functions host names in every
/// <c>[DurableClient]</c> binding: the worker's client then reaches a real Durable Task runtime (the local host's, on
/// its task hub), speaking the same TaskHubSidecarService protocol over cleartext HTTP/2.
/// </summary>
sealed class DurableEndpointRelay : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stopping = new();
    readonly string socketPath;
    readonly Task accepting;

    public DurableEndpointRelay(string socketPath)
    {
        this.socketPath = socketPath;
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), stopping.Token);
                await using var upstream = new NetworkStream(socket, ownsSocket: false);
                var downstream = client.GetStream();
                await Task.WhenAny(downstream.CopyToAsync(upstream, stopping.Token), upstream.CopyToAsync(downstream, stopping.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // One side hung up: the other is closed as the usings end.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}
