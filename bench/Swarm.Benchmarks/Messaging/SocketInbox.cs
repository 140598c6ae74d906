using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Swarm.Benchmarks.Messaging;

/// <summary>
/// One client WebSocket and what arrives on it, each frame stamped (<see cref="Stopwatch.GetTimestamp"/>) as soon as its
/// last byte is read, before it is parsed, so a latency measured against it excludes the reader's own JSON work. Frames
/// are waited for one at a time by what they contain; frames nobody waits for are passed over.
/// </summary>
sealed class SocketInbox : IAsyncDisposable
{
    readonly ClientWebSocket socket;
    readonly Channel<(long At, string Text)> arrivals = Channel.CreateUnbounded<(long, string)>(new() { SingleReader = true, SingleWriter = true });
    readonly CancellationTokenSource stop = new();
    readonly Task reading;

    SocketInbox(ClientWebSocket socket)
    {
        this.socket = socket;
        reading = ReadAsync();
    }

    public static async Task<SocketInbox> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new SocketInbox(socket);
    }

    /// <summary>Sends one text frame.</summary>
    public async Task SendAsync(string text, CancellationToken cancellationToken) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>
    /// When the first frame that <paramref name="matches"/> arrived, with its JSON; frames before it are dropped. Null
    /// when none came within <paramref name="wait"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The socket closed or failed: no more frames can come.</exception>
    public async Task<(long At, JsonElement Frame)?> WaitForAsync(Func<JsonElement, bool> matches, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(wait);
        try
        {
            while (true)
            {
                var (at, text) = await arrivals.Reader.ReadAsync(limit.Token);
                if (Parse(text) is { } frame && matches(frame))
                {
                    return (at, frame);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException("The WebSocket closed while a frame was awaited.", e.InnerException ?? e);
        }
    }

    static JsonElement? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    async Task ReadAsync()
    {
        Exception? failure = null;
        try
        {
            await SocketFrames.ReadEachAsync(socket, text => arrivals.Writer.TryWrite((Stopwatch.GetTimestamp(), text)), stop.Token);
        }
        catch (WebSocketException e)
        {
            failure = e;
        }

        arrivals.Writer.TryComplete(failure);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        socket.Abort();
        socket.Dispose();
        stop.Dispose();
    }
}
