using System.Net.Sockets;
using System.Text;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// HTTP/1.1 written by hand on a bare TCP connection, for requests HttpClient will not send: a body that dribbles
/// in, or one that stops short of its Content-Length.
/// </summary>
sealed class RawHttpConnection : IDisposable
{
    readonly TcpClient client;
    readonly NetworkStream stream;

    RawHttpConnection(TcpClient client)
    {
        this.client = client;
        stream = client.GetStream();
    }

    public static async Task<RawHttpConnection> OpenAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        return new RawHttpConnection(client);
    }

    /// <summary>The request line and headers of a JSON POST whose body is to follow.</summary>
    public Task SendJsonHeadAsync(string path, string token, int contentLength, string correlationId) =>
        SendAsync(
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {contentLength}\r\nX-Correlation-Id: {correlationId}\r\n\r\n");

    public async Task SendAsync(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Half-closes the connection: the server sees the request end here, and may still answer.</summary>
    public void EndRequest() => client.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Everything the server sends until it closes the connection or <paramref name="patience"/> passes.</summary>
    public async Task<string> ReadUntilClosedAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Out of patience, or the server reset the connection: what arrived is the answer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    public void Dispose() => client.Dispose();
}
