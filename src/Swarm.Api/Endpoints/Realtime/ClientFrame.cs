using System.Text;
using System.Text.Json;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// One message a client sent over its connection, in the spec's shape <c>{"type": ..., "id": ..., "data": {...}}</c>.
/// A plain WebSocket frame arrives as Web PubSub's <c>message</c> event carrying that whole object; a named event (the
/// JSON subprotocol's <c>event</c>, e.g. the vendor client's <c>sendEvent("vote", data)</c>) carries only the data,
/// and its name is the type.
/// </summary>
/// <param name="Id">The client's id for the frame (a string or number), echoed in the answer; null when it sent none.</param>
public sealed record ClientFrame(string Type, JsonElement? Id, JsonElement Data)
{
    /// <summary>The event name a plain frame arrives as.</summary>
    public const string PlainEvent = "message";

    /// <summary>Reads a frame, or says why it is not one (the client gets that as an error frame).</summary>
    /// <param name="fromSubprotocolClient">Whether the connection speaks Web PubSub's JSON subprotocol (<c>ce-subprotocol</c>):
    /// its <c>message</c> is an event named so, carrying data; a plain client's <c>message</c> is a whole frame.</param>
    public static (ClientFrame? Frame, string? Problem, JsonElement? Id) Read(string eventName, ReadOnlySpan<byte> body, bool fromSubprotocolClient)
    {
        JsonElement root;
        try
        {
            // Duplicate names are refused as in a REST body; a lone UTF-16 surrogate (which JSON can escape but no string
            // can hold) throws when read, so writing the document once finds it here rather than in a handler.
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
            using var sink = new Utf8JsonWriter(Stream.Null);
            document.WriteTo(sink);
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, "The frame is not JSON (or repeats a field, or holds a lone surrogate); send {\"type\": ..., \"id\": ..., \"data\": {...}}.", null);
        }

        if (eventName != PlainEvent || fromSubprotocolClient)
        {
            return root.ValueKind == JsonValueKind.Object
                ? (new ClientFrame(eventName, null, root), null, null)
                : (null, $"The data of a '{eventName}' event must be a JSON object.", null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "A frame must be a JSON object: {\"type\": ..., \"id\": ..., \"data\": {...}}.", null);
        }

        JsonElement? id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number ? idValue.Clone() : null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("type" or "id" or "data"))
            {
                return (null, $"'{property.Name}' is not a field of a frame; a frame has type, id and data.", id);
            }
        }

        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 } typeName)
        {
            return (null, "A frame needs a 'type' (a string).", id);
        }

        if (root.TryGetProperty("id", out var givenId) && id is null)
        {
            return (null, "A frame's 'id' must be a string or a number.", null);
        }

        var data = root.TryGetProperty("data", out var dataValue) ? dataValue : EmptyObject;
        return data.ValueKind == JsonValueKind.Object
            ? (new ClientFrame(typeName, id, data.Clone()), null, id)
            : (null, "A frame's 'data' must be a JSON object.", id);
    }

    static readonly JsonElement EmptyObject = JsonDocument.Parse("{}"u8.ToArray()).RootElement.Clone();

    /// <summary>The data without the fields a route takes from its path (the task or proposal id), as a request body.</summary>
    public byte[] BodyWithout(params string[] fields) => BodyWith(fields, renames: []);

    /// <summary>The data without <paramref name="fields"/>, and with each rename's first name written as its second.</summary>
    public byte[] BodyWith(string[] fields, (string From, string To)[] renames)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var present = Data.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in Data.EnumerateObject())
            {
                if (fields.Contains(property.Name, StringComparer.Ordinal))
                {
                    continue;
                }

                var rename = renames.FirstOrDefault(r => r.From == property.Name && !present.Contains(r.To));
                writer.WritePropertyName(rename.To ?? property.Name);
                property.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A string field of the data, or null when it is absent or not a string.</summary>
    public string? Text(string field) => Data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Data));
}
