using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>A plain WebSocket client of the real-time channel, as the tests use it: connect, send a frame, read what comes.</summary>
static class RealtimeSockets
{
    public static async Task<ClientWebSocket> ConnectAsync(string url, params (string Name, string Value)[] headers)
    {
        var socket = new ClientWebSocket();
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await socket.ConnectAsync(new Uri(url), limit.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The data of the first event of this type about this task or proposal; other events on the socket are skipped.</summary>
    public static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket, string type, string idProperty, string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await TryReceiveAsync(socket, deadline - DateTimeOffset.UtcNow) is { } message
                && message.GetProperty("type").GetString() == type
                && message.GetProperty("data").TryGetProperty(idProperty, out var about) && about.GetString() == id)
            {
                return message.GetProperty("data");
            }
        }

        throw new TimeoutException($"No {type} event for {id} within 60 s.");
    }

    /// <summary>The next message, or null if none came in time; a receive that times out aborts the socket, so only a last look may time out.</summary>
    public static async Task<JsonElement?> TryReceiveAsync(ClientWebSocket socket, TimeSpan wait) =>
        await TryReceiveFrameAsync(socket, wait) is { } frame ? JsonDocument.Parse(frame).RootElement.Clone() : null;

    /// <summary>The text of the first frame carrying an event of this type about this task, as it came over the socket.</summary>
    public static async Task<string> ReceiveFrameAsync(ClientWebSocket socket, string type, string idProperty, string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await TryReceiveFrameAsync(socket, deadline - DateTimeOffset.UtcNow) is { } frame)
            {
                var message = JsonDocument.Parse(frame).RootElement;
                if (message.GetProperty("type").GetString() == type && message.GetProperty("data").TryGetProperty(idProperty, out var about) && about.GetString() == id)
                {
                    return frame;
                }
            }
        }

        throw new TimeoutException($"No {type} event for {id} within 60 s.");
    }

    public static async Task<string?> TryReceiveFrameAsync(ClientWebSocket socket, TimeSpan wait)
    {
        using var limit = new CancellationTokenSource(wait);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, limit.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            }
            while (!received.EndOfMessage);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return text.ToString();
    }

    /// <summary>Sends one text frame.</summary>
    public static async Task SendAsync(ClientWebSocket socket, string frame)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, limit.Token);
    }

    /// <summary>The first message whose <c>type</c> is <paramref name="type"/> and whose top-level <c>id</c> is <paramref name="id"/> (an ack or error frame).</summary>
    public static async Task<JsonElement> ReceiveReplyAsync(ClientWebSocket socket, string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await TryReceiveAsync(socket, deadline - DateTimeOffset.UtcNow) is { } message
                && message.GetProperty("type").GetString() is "ack" or "error"
                && message.TryGetProperty("id", out var replyTo) && replyTo.ValueKind == JsonValueKind.String && replyTo.GetString() == id)
            {
                return message;
            }
        }

        throw new TimeoutException($"No reply to frame {id} within 30 s.");
    }
}
