using System.Buffers;
using System.Text.Json;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// What the service sends a client of its <c>json.webpubsub.azure.v1</c> subprotocol: the <c>connected</c> and
/// <c>disconnected</c> system messages, acks and messages from the server or a group (the protocol's "responses").
/// </summary>
public static class PubSubFrames
{
    /// <summary>The service's JSON subprotocol, whose clients send and get JSON messages instead of raw frames.</summary>
    public const string Subprotocol = "json.webpubsub.azure.v1";

    public static byte[] Connected(string? userId, string connectionId) => Write(w =>
    {
        w.WriteString("type", "system");
        w.WriteString("event", "connected");
        w.WriteString("userId", userId);
        w.WriteString("connectionId", connectionId);
    });

    public static byte[] Disconnected(string reason) => Write(w =>
    {
        w.WriteString("type", "system");
        w.WriteString("event", "disconnected");
        w.WriteString("message", reason);
    });

    public static byte[] Ack(ulong ackId) => Write(w =>
    {
        w.WriteString("type", "ack");
        w.WriteNumber("ackId", ackId);
        w.WriteBoolean("success", true);
    });

    /// <param name="name">One of the protocol's error names: <c>Forbidden</c>, <c>InternalServerError</c>, <c>Duplicate</c>.</param>
    public static byte[] Ack(ulong ackId, string name, string message) => Write(w =>
    {
        w.WriteString("type", "ack");
        w.WriteNumber("ackId", ackId);
        w.WriteBoolean("success", false);
        w.WriteStartObject("error");
        w.WriteString("name", name);
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    public static byte[] FromServer(MessagePayload payload) => Write(w =>
    {
        w.WriteString("type", "message");
        w.WriteString("from", "server");
        payload.WriteTo(w);
    });

    /// <param name="fromUserId">The sending client's user; null for a message the server sent to the group.</param>
    public static byte[] FromGroup(string group, string? fromUserId, MessagePayload payload) => Write(w =>
    {
        w.WriteString("type", "message");
        w.WriteString("from", "group");
        w.WriteString("group", group);
        payload.WriteTo(w);
        if (fromUserId is not null)
        {
            w.WriteString("fromUserId", fromUserId);
        }
    });

    /// <summary>The answer to a client's keep-alive <c>ping</c> (the vendor's client sends one every 20 s).</summary>
    public static byte[] Pong() => Write(w => w.WriteString("type", "pong"));

    static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
