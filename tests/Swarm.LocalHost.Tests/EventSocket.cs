using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>One event as it came over the socket, with when it came (a <see cref="Stopwatch"/> timestamp).</summary>
sealed record ReceivedEvent(string Type, JsonElement Data, long ReceivedAt);

/// <summary>
/// A caller's WebSocket on the real-time channel, opened as a client would: <c>GET /api/v1/realtime/negotiate</c> with
/// its credential, then a plain WebSocket to the URL it got. Reads the events in the order they arrive.
/// </summary>
sealed class EventSocket : IDisposable
{
    readonly ClientWebSocket socket = new();

    EventSocket()
    {
    }

    public static async Task<EventSocket> ConnectAsync(LocalHostProcess host, string role = "admin")
    {
        var url = await ChannelCredentials.NegotiateAsync(host, new AuthenticationHeaderValue("Bearer", host.Token(role)));

        var connection = new EventSocket();
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await connection.socket.ConnectAsync(new Uri(url), limit.Token);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Every event that arrives until one that <paramref name="last"/> accepts, that one included.</summary>
    public async Task<List<ReceivedEvent>> ReadUntilAsync(Func<ReceivedEvent, bool> last, TimeSpan patience)
    {
        var events = new List<ReceivedEvent>();
        using var limit = new CancellationTokenSource(patience);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = new StringBuilder();
            WebSocketReceiveResult received;
            try
            {
                do
                {
                    received = await socket.ReceiveAsync(buffer, limit.Token);
                    text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
                }
                while (!received.EndOfMessage);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The awaited event did not come within {patience}; {events.Count} others did: {string.Join(", ", events.Select(e => e.Type))}");
            }

            var message = JsonDocument.Parse(text.ToString()).RootElement.Clone();
            var next = new ReceivedEvent(message.GetProperty("type").GetString()!, message.GetProperty("data"), Stopwatch.GetTimestamp());
            events.Add(next);
            if (last(next))
            {
                return events;
            }
        }
    }

    /// <summary>The events of one task until its <c>task_finished</c>; events about other tasks are left out.</summary>
    public async Task<List<ReceivedEvent>> ReadTaskAsync(string taskId, TimeSpan patience) =>
        [.. (await ReadUntilAsync(e => e.Type == "task_finished" && About(e, taskId), patience)).Where(e => About(e, taskId))];

    public void Dispose() => socket.Dispose();

    static bool About(ReceivedEvent e, string taskId) => e.Data.TryGetProperty("taskId", out var id) && id.GetString() == taskId;
}
