using System.Globalization;
using ModelContextProtocol.Protocol;

namespace Swarm.Mcp;

/// <summary>
/// What a model reads of a tool's result: the text blocks as they are, every other block named in a few words (a model
/// that only reads text gains nothing from base64), and no more than the configured length.
/// </summary>
public static class ToolResultText
{
    /// <summary>The blocks' text, one block per line; structured content when the tool gave no blocks at all.</summary>
    public static string Of(CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Content.Count == 0)
        {
            return result.StructuredContent is { } structured ? structured.GetRawText() : "";
        }

        return string.Join('\n', result.Content.Select(Describe));
    }

    /// <summary>
    /// The text, cut after <paramref name="maxChars"/> characters with a note saying how much was cut, so the model
    /// knows it saw part of the result rather than all of it.
    /// </summary>
    public static string Capped(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxChars)
        {
            return text;
        }

        // Never end on half of a surrogate pair: the rest of the text would not be valid UTF-16.
        var kept = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, kept)}\n[truncated: {text.Length - kept} of {text.Length} characters cut]");
    }

    static string Describe(ContentBlock block) => block switch
    {
        TextContentBlock text => text.Text,
        ImageContentBlock image => Binary("image", image.MimeType, image.Data.Span),
        AudioContentBlock audio => Binary("audio", audio.MimeType, audio.Data.Span),
        EmbeddedResourceBlock { Resource: TextResourceContents text } => $"[resource {text.Uri}]\n{text.Text}",
        EmbeddedResourceBlock { Resource: BlobResourceContents blob } => Binary("resource " + blob.Uri, blob.MimeType, blob.Blob.Span),
        ResourceLinkBlock link => $"[resource link: {link.Name}, {link.Uri}]",
        _ => $"[{block.Type}]",
    };

    static string Binary(string kind, string? mimeType, ReadOnlySpan<byte> base64) =>
        string.Create(CultureInfo.InvariantCulture, $"[{kind}, {(string.IsNullOrEmpty(mimeType) ? "" : mimeType + ", ")}{DecodedLength(base64)} bytes]");

    /// <summary>Bytes that base64 text stands for, counted without decoding it.</summary>
    static int DecodedLength(ReadOnlySpan<byte> base64)
    {
        var length = base64.TrimEnd("\r\n "u8).Length;
        var padding = length > 0 && base64[length - 1] == '=' ? (length > 1 && base64[length - 2] == '=' ? 2 : 1) : 0;
        return (length / 4 * 3) + (length % 4 * 3 / 4) - padding;
    }
}
