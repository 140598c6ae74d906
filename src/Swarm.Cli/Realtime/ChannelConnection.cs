using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Swarm.Cli.Api;

namespace Swarm.Cli.Realtime;

/// <summary>
/// The caller's socket on the swarm's real-time channel, opened as any client opens one: <c>GET
/// /api/v1/realtime/negotiate</c> with the profile's credential, then a plain WebSocket to the URL it returns. Events
/// arrive as <c>{"type", "data"}</c> text frames; frames sent (<c>join</c>) are answered by an <c>ack</c> or an
/// <c>error</c> on the same socket. Messages are read by a loop of their own into a queue, so a slow printer never
/// stalls the socket.
/// </summary>
sealed class ChannelConnection : IAsyncDisposable
{
    readonly ClientWebSocket socket;
    readonly Channel<JsonElement> received = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true });
    readonly CancellationTokenSource stop = new();
    readonly Task reading;
    int frames;

    ChannelConnection(ClientWebSocket socket)
    {
        this.socket = socket;
        reading = ReadLoopAsync();
    }

    /// <summary>
    /// Opens the caller's socket, or null (after saying why on <paramref name="error"/>) when the swarm has no channel
    /// (503) or it cannot be reached: a watch then goes on by polling alone. Refusals of the credential still end the command.
    /// </summary>
    public static async Task<ChannelConnection?> TryOpenAsync(SwarmApi api, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(error);
        string? url;
        try
        {
            url = Json.Text((await api.GetAsync("api/v1/realtime/negotiate", cancellationToken)).Body, "url");
        }
        catch (ApiProblemException e) when (e.Problem.Status is 503 or 404 or 403)
        {
            // 403 here is a caller the channel cannot address (a token without a subject); REST still serves it.
            await error.WriteLineAsync($"note: no live events ({e.Problem.Title}: {e.Problem.Detail}); polling instead.");
            return null;
        }

        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            await error.WriteLineAsync("note: the swarm's negotiate answer has no URL; polling instead.");
            return null;
        }

        var socket = new ClientWebSocket();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(15));
            await socket.ConnectAsync(uri, limit.Token);
            return new ChannelConnection(socket);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            await error.WriteLineAsync($"note: the real-time channel did not open ({e.Message}); polling instead.");
            return null;
        }
    }

    /// <summary>Asks the swarm to put this socket in <paramref name="group"/> (<c>task.{id}</c>, <c>proposal.{id}</c>); its answer arrives as a message.</summary>
    public Task JoinAsync(string group, CancellationToken cancellationToken) =>
        SendAsync(new { type = "join", id = $"join-{Interlocked.Increment(ref frames)}", data = new { group } }, cancellationToken);

    async Task SendAsync(object frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>The next message, or null if none came within <paramref name="wait"/> (or the socket has closed).</summary>
    public async Task<JsonElement?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (received.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(wait);
        try
        {
            return await received.Reader.WaitToReadAsync(limit.Token) && received.Reader.TryRead(out var next) ? next : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Whether the socket is still open (a closed one yields no more events; the watch polls on).</summary>
    public bool IsOpen => socket.State == WebSocketState.Open;

    async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                try
                {
                    using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    received.Writer.TryWrite(document.RootElement.Clone());
                }
                catch (JsonException)
                {
                    // A frame that is not JSON is not one of the swarm's events: skipped.
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The socket closed or was stopped: the watch goes on polling.
        }
        finally
        {
            received.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                // Our half of the close; the read loop ends when the server's half arrives.
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
                await reading.WaitAsync(limit.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
            {
                // Closing politely is a courtesy; the read loop is stopped below either way.
            }
        }

        await stop.CancelAsync();
        await reading;
        socket.Dispose();
        stop.Dispose();
    }
}
