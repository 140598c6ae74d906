using System.Text.Json;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// One request of a <c>json.webpubsub.azure.v1</c> client: <c>joinGroup</c>, <c>leaveGroup</c>, <c>sendToGroup</c>,
/// <c>event</c>, <c>sequenceAck</c> or <c>ping</c> (other types, newer than this stand-in, are read as <see cref="Type"/> only).
/// </summary>
public sealed record SubprotocolRequest(string Type, ulong? AckId, string? Group, string? Event, bool NoEcho, MessagePayload? Payload)
{
    /// <summary>Group names the service accepts: 1 to 1,024 characters.</summary>
    const int MaxNameLength = 1024;

    /// <summary>The request in a text frame, or why it is not one the protocol describes (the service declines such a client).</summary>
    public static (SubprotocolRequest? Frame, string? Problem) Parse(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });

            // JSON may escape a lone UTF-16 surrogate, which no string can hold: reading such a value throws, not parsing it.
            using var sink = new Utf8JsonWriter(Stream.Null);
            document.WriteTo(sink);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, "The message is not JSON, or holds text no string can (a lone surrogate).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return (null, "The message is not a JSON object with a string 'type'.");
            }

            ulong? ackId = null;
            if (root.TryGetProperty("ackId", out var ack) && ack.ValueKind != JsonValueKind.Null)
            {
                if (!ack.TryGetUInt64(out var id))
                {
                    return (null, "'ackId' must be an unsigned 64-bit integer.");
                }

                ackId = id;
            }

            var kind = type.GetString()!;
            string? group = null;
            if (kind is "joinGroup" or "leaveGroup" or "sendToGroup")
            {
                group = Name(root, "group");
                if (group is null)
                {
                    return (null, $"'{kind}' needs a 'group' of 1 to {MaxNameLength} characters.");
                }
            }

            string? eventName = null;
            if (kind == "event")
            {
                eventName = Name(root, "event");
                if (eventName is null)
                {
                    return (null, $"'event' needs an 'event' name of 1 to {MaxNameLength} characters.");
                }
            }

            MessagePayload? payload = null;
            if (kind is "sendToGroup" or "event")
            {
                var dataType = root.TryGetProperty("dataType", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                payload = MessagePayload.FromClientData(dataType, root.TryGetProperty("data", out var data) ? data.Clone() : null);
                if (payload is null)
                {
                    return (null, "'data' does not match 'dataType' (json, text as a string, or binary as base64).");
                }
            }

            var noEcho = root.TryGetProperty("noEcho", out var echo) && echo.ValueKind == JsonValueKind.True;
            return (new SubprotocolRequest(kind, ackId, group, eventName, noEcho, payload), null);
        }
    }

    static string? Name(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= MaxNameLength } name ? name : null;
}
