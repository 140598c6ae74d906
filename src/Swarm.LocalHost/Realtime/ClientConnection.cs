using System.Net.WebSockets;
using System.Security.Cryptography;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// One client connection of the stand-in: its id, user, subprotocol, roles and connection state, and its socket, which
/// takes one write at a time. A write that does not finish within a few seconds drops the connection, so one stalled
/// client cannot hold up the senders.
/// </summary>
public sealed class ClientConnection : IDisposable
{
    static readonly TimeSpan SendLimit = TimeSpan.FromSeconds(5);

    readonly WebSocket socket;
    readonly SemaphoreSlim sending = new(1, 1);
    readonly CancellationTokenSource closed = new();
    readonly HashSet<string> roles;
    readonly Lock gate = new();
    string? state;
    string? closeReason;

    public ClientConnection(string id, string? userId, string? subprotocol, IEnumerable<string> roles, string? state, WebSocket socket)
    {
        Id = id;
        UserId = userId;
        Subprotocol = subprotocol;
        this.roles = new HashSet<string>(roles, StringComparer.Ordinal);
        this.state = state;
        this.socket = socket;
    }

    /// <summary>A new connection id: random and URL-safe, like the service's.</summary>
    public static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string Id { get; }

    /// <summary>The user the connection belongs to; null only for an anonymous <c>/ws</c> connection.</summary>
    public string? UserId { get; }

    /// <summary>The subprotocol selected at the handshake, if any.</summary>
    public string? Subprotocol { get; }

    /// <summary>Whether the client speaks the service's JSON subprotocol (its frames are requests, its messages wrapped).</summary>
    public bool IsPubSubClient => Subprotocol == PubSubFrames.Subprotocol;

    /// <summary>The <c>ce-connectionState</c> the event handler last set; every later event of the connection carries it.</summary>
    public string? State
    {
        get { lock (gate) { return state; } }
        set { lock (gate) { state = value; } }
    }

    /// <summary>Why the server closed the connection, when it did (the <c>disconnected</c> event's reason).</summary>
    public string? CloseReason
    {
        get { lock (gate) { return closeReason; } }
    }

    /// <summary>Cancelled a while after the server closes the connection, so a client that never answers the close is let go.</summary>
    public CancellationToken Closed => closed.Token;

    public WebSocket Socket => socket;

    /// <summary>
    /// Whether the connection's roles allow <paramref name="permission"/> (<c>webpubsub.joinLeaveGroup</c> or
    /// <c>webpubsub.sendToGroup</c>) on the group: the role itself, or the role for that group.
    /// </summary>
    public bool Permits(string permission, string group)
    {
        lock (gate)
        {
            return roles.Contains(permission) || roles.Contains($"{permission}.{group}");
        }
    }

    /// <summary>Sends one frame; false (and the connection dropped) when the client does not take it in time.</summary>
    public async Task<bool> TrySendAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type)
    {
        try
        {
            await WriteAsync(limit => socket.SendAsync(frame, type, endOfMessage: true, limit).AsTask());
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false; // closed while the message was on its way
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            socket.Abort();
            return false;
        }
    }

    /// <summary>Closes the connection from the server's side with a reason (a subprotocol client gets it first as a <c>disconnected</c> message).</summary>
    public async Task CloseAsync(string reason, WebSocketCloseStatus status = WebSocketCloseStatus.PolicyViolation)
    {
        lock (gate)
        {
            closeReason ??= reason;
        }

        if (IsPubSubClient)
        {
            await TrySendAsync(PubSubFrames.Disconnected(reason), WebSocketMessageType.Text);
        }

        try
        {
            await WriteAsync(async limit =>
            {
                // A close frame's reason is at most 123 bytes.
                await socket.CloseOutputAsync(status, reason.Length <= 120 ? reason : reason[..120], limit);
                closed.CancelAfter(SendLimit);
            });
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
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
