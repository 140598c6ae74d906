using System.Net.WebSockets;
using Swarm.Application.Realtime;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// The stand-in's hub: its connections (<see cref="ConnectionRegistry"/>), their groups (<see cref="GroupRoster"/>)
/// and what it sends them. A message reaches a plain client as the raw data and a <c>json.webpubsub.azure.v1</c> client
/// wrapped as a message from the server or from a group; a connection that cannot take a frame in time is dropped.
/// </summary>
public sealed partial class LocalWebPubSubHub(ILogger<LocalWebPubSubHub> logger) : IChannelServiceStatistics
{
    /// <summary>Connections one user may hold at once.</summary>
    public const int MaxConnectionsPerUser = ConnectionRegistry.MaxConnectionsPerUser;

    public ConnectionRegistry Connections { get; } = new();

    public GroupRoster Groups { get; } = new();

    public LocalWebPubSubCounters Counters { get; } = new();

    /// <summary>The counters for the system metrics, with the connections and groups of this moment.</summary>
    public ChannelServiceSnapshot Snapshot() => Counters.Snapshot(Connections.Count, Groups.Sizes());

    public bool HasConnections(string userId) => Connections.HasUser(userId);

    /// <summary>Sends to each of the user's connections; returns how many took it.</summary>
    public Task<int> SendToUserAsync(string userId, MessagePayload payload) =>
        SendToEachAsync(Connections.OfUser(userId), c => ServerFrame(c, payload), "user");

    /// <summary>Sends to every connection but the excluded ones.</summary>
    public Task<int> SendToAllAsync(MessagePayload payload, IReadOnlySet<string> excluded) =>
        SendToEachAsync(Connections.All().Where(c => !excluded.Contains(c.Id)), c => ServerFrame(c, payload), "all");

    /// <summary>Sends to one connection; false if it is not open here.</summary>
    public async Task<bool> SendToConnectionAsync(string connectionId, MessagePayload payload)
    {
        if (Connections.Find(connectionId) is not { } connection)
        {
            return false;
        }

        await SendToEachAsync([connection], c => ServerFrame(c, payload), "connection");
        return true;
    }

    /// <summary>Sends to the group's connections but the excluded ones, as a message from the group (naming the sender when a client sent it).</summary>
    public Task<int> SendToGroupAsync(string group, MessagePayload payload, string? fromUserId, IReadOnlySet<string> excluded, string kind) =>
        SendToEachAsync(
            Groups.Members(group).Where(id => !excluded.Contains(id)).Select(Connections.Find).OfType<ClientConnection>(),
            c => c.IsPubSubClient ? (PubSubFrames.FromGroup(group, fromUserId, payload), WebSocketMessageType.Text) : (payload.Bytes, payload.PlainFrameType),
            kind);

    /// <summary>Adds an open connection to a group; false if it is not open here.</summary>
    public bool AddToGroup(string group, string connectionId)
    {
        if (Connections.Find(connectionId) is null)
        {
            return false;
        }

        Groups.Join(group, connectionId);

        // A connection that closed between the look-up and the join has already left every group: take this one back.
        if (Connections.Find(connectionId) is null)
        {
            Groups.Leave(group, connectionId);
            return false;
        }

        return true;
    }

    public void RemoveFromGroup(string group, string connectionId) => Groups.Leave(group, connectionId);

    /// <summary>Closes each of the user's connections with the reason, as Web PubSub's <c>:closeConnections</c> does.</summary>
    public Task CloseUserAsync(string userId, string? reason) =>
        Task.WhenAll(Connections.OfUser(userId).Select(c => c.CloseAsync(reason is { Length: > 0 } ? reason : "closed by the server")));

    /// <summary>Sends one frame to one connection, counted by kind; a frame the client does not take is counted as dropped.</summary>
    public async Task<bool> SendAsync(ClientConnection connection, ReadOnlyMemory<byte> frame, WebSocketMessageType type, string kind)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (await connection.TrySendAsync(frame, type))
        {
            Counters.FrameOut(kind);
            return true;
        }

        if (connection.Socket.State is WebSocketState.Aborted)
        {
            Counters.SendDropped();
            LogDropped(logger, connection.Id);
        }

        return false;
    }

    async Task<int> SendToEachAsync(IEnumerable<ClientConnection> connections, Func<ClientConnection, (ReadOnlyMemory<byte> Frame, WebSocketMessageType Type)> frameFor, string kind)
    {
        var sent = await Task.WhenAll(connections.Select(c =>
        {
            var (frame, type) = frameFor(c);
            return SendAsync(c, frame, type, kind);
        }));
        return sent.Count(ok => ok);
    }

    static (ReadOnlyMemory<byte>, WebSocketMessageType) ServerFrame(ClientConnection connection, MessagePayload payload) =>
        connection.IsPubSubClient ? (PubSubFrames.FromServer(payload), WebSocketMessageType.Text) : (payload.Bytes, payload.PlainFrameType);

    [LoggerMessage(EventId = 1581, Level = LogLevel.Warning, Message = "Real-time connection {ConnectionId} did not take a message in time and is dropped")]
    static partial void LogDropped(ILogger logger, string connectionId);
}
