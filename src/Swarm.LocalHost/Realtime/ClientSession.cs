using System.Buffers;
using System.Net.WebSockets;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// Reads one connection's frames until it ends. A plain client's frame is a <c>message</c> event whose answer goes back
/// to it as is; a <c>json.webpubsub.azure.v1</c> client's frame is a request (join, leave, publish, event) answered with
/// an ack when it carries an <c>ackId</c>. A frame over <see cref="MaxFrameBytes"/> closes the connection with 1009, and
/// a subprotocol frame that is not one of the protocol's requests closes it with 1008, as the service declines such a
/// client; neither touches another connection.
/// </summary>
public sealed class ClientSession(LocalWebPubSubHub hub, ClientConnection connection, ConnectionUpstream? events)
{
    /// <summary>The largest client frame taken, as the service's limit: 1 MB.</summary>
    public const int MaxFrameBytes = 1024 * 1024;

    /// <summary>Ack ids remembered per connection to answer a repeated one with <c>Duplicate</c>; the oldest are forgotten past this.</summary>
    const int RememberedAckIds = 10_000;

    readonly HashSet<ulong> ackIds = [];
    readonly Queue<ulong> ackOrder = new();

    /// <summary>Reads until the client or the server closes the connection or the host stops; returns the <c>disconnected</c> reason.</summary>
    public async Task<string> RunAsync(CancellationToken stopping)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping, connection.Closed);
        var socket = connection.Socket;
        var frame = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(frame.GetMemory(4096), ending.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // The client closed first, or answered our close; only the first case still needs our answer.
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    return connection.CloseReason ?? $"The client closed the connection with status {(int?)socket.CloseStatus ?? 1005}.";
                }

                frame.Advance(received.Count);
                if (frame.WrittenCount > MaxFrameBytes)
                {
                    hub.Counters.FrameIn("tooLarge");
                    await connection.CloseAsync($"A message may be at most {MaxFrameBytes} bytes.", WebSocketCloseStatus.MessageTooBig);
                    continue;
                }

                if (received.EndOfMessage)
                {
                    await HandleAsync(frame.WrittenMemory.ToArray(), received.MessageType, ending.Token);
                    frame.ResetWrittenCount();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away, did not answer our close, or the host is stopping; either way the connection is done.
            return connection.CloseReason ?? (stopping.IsCancellationRequested ? "The service is stopping." : "The connection was lost.");
        }

        return connection.CloseReason ?? "The connection ended.";
    }

    async Task HandleAsync(byte[] data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        if (!connection.IsPubSubClient)
        {
            hub.Counters.FrameIn("message");
            if (events is not null)
            {
                var payload = new MessagePayload(type == WebSocketMessageType.Binary ? MessagePayload.Binary : MessagePayload.Text, data);
                await events.EnqueueAsync(CloudEventsWriter.UserTypePrefix + "message", payload, blocking: true, PlainAnswerAsync, cancellationToken);
            }

            return;
        }

        var (request, problem) = type == WebSocketMessageType.Text ? SubprotocolRequest.Parse(data) : (null, "This subprotocol takes JSON in text frames.");
        if (request is null)
        {
            hub.Counters.FrameIn("invalid");
            await connection.CloseAsync(problem!);
            return;
        }

        // Counted by kind, and any other type (a newer client's, or anything a client makes up) as one, so a client
        // cannot grow the counters without bound.
        hub.Counters.FrameIn(request.Type is "joinGroup" or "leaveGroup" or "sendToGroup" or "event" or "sequenceAck" or "ping" ? request.Type : "other");
        if (request.AckId is { } ackId && !Remember(ackId))
        {
            await AckAsync(ackId, "Duplicate", $"A message with ackId {ackId} was already processed.");
            return;
        }

        switch (request.Type)
        {
            case "joinGroup" or "leaveGroup":
                await JoinOrLeaveAsync(request);
                break;
            case "sendToGroup":
                await PublishAsync(request);
                break;
            case "event":
                await SendEventAsync(request, cancellationToken);
                break;
            case "ping":
                await hub.SendAsync(connection, PubSubFrames.Pong(), WebSocketMessageType.Text, "pong");
                break;
            default:
                // sequenceAck (this stand-in keeps no sequence) and requests newer than it: nothing to do.
                break;
        }
    }

    async Task JoinOrLeaveAsync(SubprotocolRequest request)
    {
        var group = request.Group!;
        if (!connection.Permits("webpubsub.joinLeaveGroup", group))
        {
            await AckAsync(request.AckId, "Forbidden", $"The client does not have permission to {(request.Type == "joinGroup" ? "join" : "leave")} group '{group}'.");
            return;
        }

        if (request.Type == "joinGroup")
        {
            hub.Groups.Join(group, connection.Id);
        }
        else
        {
            hub.Groups.Leave(group, connection.Id);
        }

        await AckAsync(request.AckId);
    }

    async Task PublishAsync(SubprotocolRequest request)
    {
        var group = request.Group!;
        if (!connection.Permits("webpubsub.sendToGroup", group))
        {
            await AckAsync(request.AckId, "Forbidden", $"The client does not have permission to send to group '{group}'.");
            return;
        }

        IReadOnlySet<string> excluded = request.NoEcho ? new HashSet<string>([connection.Id], StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        await hub.SendToGroupAsync(group, request.Payload!, connection.UserId, excluded, "groupPublish");
        await AckAsync(request.AckId);
    }

    async Task SendEventAsync(SubprotocolRequest request, CancellationToken cancellationToken)
    {
        if (events is null)
        {
            // No event handler: the service takes the event and nothing handles it.
            await AckAsync(request.AckId);
            return;
        }

        await events.EnqueueAsync(CloudEventsWriter.UserTypePrefix + request.Event, request.Payload!, blocking: true, async answer =>
        {
            if (!ConnectionUpstream.IsSuccess(answer))
            {
                var why = answer is null ? "The event handler did not answer." : $"The event handler answered {answer.Status}.";
                if (request.AckId is { } ackId)
                {
                    await AckAsync(ackId, answer?.Status is 401 or 403 ? "Forbidden" : "InternalServerError", why);
                }
                else
                {
                    // Without an ack there is no way to tell the client; the service drops such a connection.
                    await connection.CloseAsync(why);
                }

                return;
            }

            if (Reply(answer!) is { } reply)
            {
                await hub.SendAsync(connection, PubSubFrames.FromServer(reply), WebSocketMessageType.Text, "reply");
            }

            await AckAsync(request.AckId);
        }, cancellationToken);
    }

    /// <summary>A plain client's <c>message</c> answer: a 200 body goes back as is; a failure drops the connection, as the service does.</summary>
    async Task PlainAnswerAsync(UpstreamResponse? answer)
    {
        if (!ConnectionUpstream.IsSuccess(answer))
        {
            await connection.CloseAsync(answer is null ? "The event handler did not answer." : $"The event handler answered {answer.Status}.");
            return;
        }

        if (Reply(answer!) is { } reply)
        {
            await hub.SendAsync(connection, reply.Bytes, reply.PlainFrameType, "reply");
        }
    }

    /// <summary>A 200 answer's body with its type (text when the handler named none); nothing for 204 or an empty body.</summary>
    static MessagePayload? Reply(UpstreamResponse answer) =>
        answer.Status == 200 && !answer.Body.IsEmpty ? MessagePayload.FromContent(answer.ContentType ?? "text/plain", answer.Body) ?? new MessagePayload(MessagePayload.Text, answer.Body) : null;

    Task AckAsync(ulong? ackId) =>
        ackId is { } id ? hub.SendAsync(connection, PubSubFrames.Ack(id), WebSocketMessageType.Text, "ack") : Task.CompletedTask;

    Task AckAsync(ulong? ackId, string error, string message) =>
        ackId is { } id ? hub.SendAsync(connection, PubSubFrames.Ack(id, error, message), WebSocketMessageType.Text, "ack") : Task.CompletedTask;

    /// <summary>Records an ack id; false if it was seen before (a retry the service answers with <c>Duplicate</c>).</summary>
    bool Remember(ulong ackId)
    {
        if (!ackIds.Add(ackId))
        {
            return false;
        }

        ackOrder.Enqueue(ackId);
        if (ackOrder.Count > RememberedAckIds)
        {
            ackIds.Remove(ackOrder.Dequeue());
        }

        return true;
    }
}
