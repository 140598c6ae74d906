using System.Net.WebSockets;
using System.Text;

namespace Swarm.Benchmarks.Messaging;

/// <summary>The one loop that reads a client WebSocket's text messages, whole, for the scenarios that listen on the channel.</summary>
static class SocketFrames
{
    /// <summary>
    /// Hands each whole message to <paramref name="onFrame"/> as soon as its last byte is read (so a caller that stamps
    /// the time first measures before any parsing), until the server closes the socket or <paramref name="stop"/> ends it.
    /// A failing socket throws <see cref="WebSocketException"/>.
    /// </summary>
    public static async Task ReadEachAsync(ClientWebSocket socket, Action<string> onFrame, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(onFrame);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, stop);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    onFrame(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The listener is done.
        }
    }
}
