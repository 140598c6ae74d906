using System.Net.WebSockets;
using System.Text;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// The connections of the local Web PubSub stand-in, by user. A message goes to every open connection of its user;
/// a connection that cannot take it within a few seconds is dropped, so one stalled client cannot hold the others up.
/// </summary>
public sealed class LocalWebPubSubHub(ILogger<LocalWebPubSubHub> logger)
{
    /// <summary>Connections one user may hold at once; more are refused, so one credential cannot exhaust the host.</summary>
    public const int MaxConnectionsPerUser = 20;

    static readonly TimeSpan SendLimit = TimeSpan.FromSeconds(5);

    readonly Dictionary<string, List<Connection>> users = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> reserved = new(StringComparer.Ordinal);

    /// <summary>Takes one of the user's connection places before its socket is accepted, so connections racing in cannot pass the cap.</summary>
    public bool TryReserve(string userId)
    {
        lock (users)
        {
            var count = reserved.GetValueOrDefault(userId);
            if (count >= MaxConnectionsPerUser)
            {
                return false;
            }

            reserved[userId] = count + 1;
            return true;
        }
    }

    public void Unreserve(string userId)
    {
        lock (users)
        {
            if (reserved.TryGetValue(userId, out var count) && count > 1)
            {
                reserved[userId] = count - 1;
            }
            else
            {
                reserved.Remove(userId);
            }
        }
    }

    /// <summary>
    /// Holds an accepted socket, on a place <see cref="TryReserve"/> took and this gives back, until the client closes it,
    /// it is closed for its user, or the host stops; what the client sends is not routed anywhere.
    /// </summary>
    public async Task HoldAsync(string userId, WebSocket socket, CancellationToken stopping)
    {
        using var connection = new Connection(socket);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping, connection.Closed);
        Add(userId, connection);
        try
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, ending.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // The client closed first, or answered our close; only the first case still needs our answer.
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away or the host is stopping; either way the connection is done.
        }
        finally
        {
            Remove(userId, connection);
            Unreserve(userId);
        }
    }

    public bool HasConnections(string userId)
    {
        lock (users)
        {
            return users.ContainsKey(userId);
        }
    }

    /// <summary>Sends a text message to each of the user's connections; returns how many took it.</summary>
    public async Task<int> SendToUserAsync(string userId, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var delivered = await Task.WhenAll(ConnectionsOf(userId).Select(connection => connection.TrySendAsync(bytes, logger)));
        return delivered.Count(ok => ok);
    }

    /// <summary>Closes each of the user's connections with the reason, as Web PubSub's <c>:closeConnections</c> does.</summary>
    public async Task CloseUserAsync(string userId, string? reason)
    {
        await Task.WhenAll(ConnectionsOf(userId).Select(connection => connection.CloseAsync(reason)));
    }

    void Add(string userId, Connection connection)
    {
        lock (users)
        {
            if (!users.TryGetValue(userId, out var connections))
            {
                users[userId] = connections = [];
            }

            connections.Add(connection);
        }
    }

    void Remove(string userId, Connection connection)
    {
        lock (users)
        {
            if (users.TryGetValue(userId, out var connections) && connections.Remove(connection) && connections.Count == 0)
            {
                users.Remove(userId);
            }
        }
    }

    List<Connection> ConnectionsOf(string userId)
    {
        lock (users)
        {
            return users.TryGetValue(userId, out var connections) ? [.. connections] : [];
        }
    }

    sealed class Connection(WebSocket socket) : IDisposable
    {
        // A WebSocket allows one send at a time.
        readonly SemaphoreSlim sending = new(1, 1);

        // Cancelled a while after the server closes the connection, so a client that never answers the close is let go.
        readonly CancellationTokenSource closed = new();

        public CancellationToken Closed => closed.Token;

        public async Task<bool> TrySendAsync(byte[] message, ILogger logger)
        {
            try
            {
                await WriteAsync(limit => socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, limit));
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false; // closed while the message was on its way
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                logger.LogWarning("A real-time connection did not take a message and is dropped: {Reason}", e.Message);
                socket.Abort();
                return false;
            }
        }

        public async Task CloseAsync(string? reason)
        {
            try
            {
                await WriteAsync(async limit =>
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason is { Length: > 0 and <= 120 } ? reason : "closed by the server", limit);
                    closed.CancelAfter(SendLimit);
                });
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket.Abort();
            }
        }

        /// <summary>One write at a time (a WebSocket allows no more), waiting for its turn and writing within <see cref="SendLimit"/>.</summary>
        async Task WriteAsync(Func<CancellationToken, Task> write)
        {
            using var limit = new CancellationTokenSource(SendLimit);
            await sending.WaitAsync(limit.Token);
            try
            {
                await write(limit.Token);
            }
            finally
            {
                sending.Release();
            }
        }

        public void Dispose()
        {
            sending.Dispose();
            closed.Dispose();
        }
    }
}
