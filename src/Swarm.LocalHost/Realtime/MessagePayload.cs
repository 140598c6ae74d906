using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// One message's data with its Web PubSub data type (<c>json</c>, <c>text</c> or <c>binary</c>), whichever way it came: a
/// REST body by its content type, a subprotocol client's <c>data</c> by its <c>dataType</c>, or an event handler's answer.
/// It is written as a plain client's frame or as a subprotocol message's <c>dataType</c> and <c>data</c>.
/// </summary>
public sealed record MessagePayload(string DataType, ReadOnlyMemory<byte> Bytes)
{
    public const string Json = "json";
    public const string Text = "text";
    public const string Binary = "binary";

    /// <summary>The content type the service uses for this data type in REST bodies and event handler requests.</summary>
    public string ContentType => DataType switch
    {
        Json => "application/json",
        Text => "text/plain",
        _ => "application/octet-stream",
    };

    /// <summary>A REST body or an event handler's answer by its content type; null for a type Web PubSub does not carry, or JSON that does not parse.</summary>
    public static MessagePayload? FromContent(string? contentType, ReadOnlyMemory<byte> body)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return IsJson(body.Span) ? new MessagePayload(Json, body) : null;
        }

        if (string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return new MessagePayload(Text, body);
        }

        return string.Equals(mediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase) ? new MessagePayload(Binary, body) : null;
    }

    /// <summary>
    /// A subprotocol client's <c>data</c> with its <c>dataType</c> (JSON when absent, as the protocol says); null when
    /// they do not agree (text that is not a string, binary that is not base64) or the type is unknown.
    /// </summary>
    public static MessagePayload? FromClientData(string? dataType, JsonElement? data)
    {
        switch (dataType ?? Json)
        {
            case Json:
                return data is { } json ? new MessagePayload(Json, Encoding.UTF8.GetBytes(json.GetRawText())) : null;
            case Text:
                return data is { ValueKind: JsonValueKind.String } text ? new MessagePayload(Text, Encoding.UTF8.GetBytes(text.GetString()!)) : null;
            case Binary:
                return data is { ValueKind: JsonValueKind.String } encoded && encoded.TryGetBytesFromBase64(out var bytes) ? new MessagePayload(Binary, bytes) : null;
            default:
                return null;
        }
    }

    /// <summary>How a plain WebSocket client gets it: binary data in a binary frame, JSON and text as the text they are.</summary>
    public WebSocketMessageType PlainFrameType => DataType == Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    /// <summary>Writes the subprotocol message's <c>dataType</c> and <c>data</c> properties.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("dataType", DataType);
        writer.WritePropertyName("data");
        switch (DataType)
        {
            case Json:
                writer.WriteRawValue(Bytes.Span);
                break;
            case Text:
                writer.WriteStringValue(Encoding.UTF8.GetString(Bytes.Span));
                break;
            default:
                writer.WriteBase64StringValue(Bytes.Span);
                break;
        }
    }

    static bool IsJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            return JsonElement.TryParseValue(ref reader, out _) && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
