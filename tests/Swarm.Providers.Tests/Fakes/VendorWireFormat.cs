using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// One vendor's chat endpoint as seen on the wire: whether a request streams, and how a completion and an error
/// are written back. <see cref="FakeVendorServer"/> picks one by the request path.
/// </summary>
abstract class VendorWireFormat
{
    static readonly VendorWireFormat OpenAI = new OpenAIChatCompletionsFormat();
    static readonly VendorWireFormat Anthropic = new AnthropicMessagesFormat();
    static readonly VendorWireFormat Ollama = new OllamaChatFormat();

    /// <summary>
    /// The format served at <paramref name="path"/>, or null when no vendor lives there. Only the ending counts,
    /// so base URLs with a prefix (<c>/compatible-mode/v1/</c>) reach the same formats.
    /// </summary>
    public static VendorWireFormat? ForPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            return OpenAI;
        }

        if (trimmed.EndsWith("/api/chat", StringComparison.Ordinal))
        {
            return Ollama;
        }

        return trimmed.EndsWith("/messages", StringComparison.Ordinal) ? Anthropic : null;
    }

    /// <summary>Whether a request with this body asks for a streamed reply, under the vendor's default.</summary>
    public abstract bool AsksToStream(JsonElement body);

    public abstract Task WriteCompletionAsync(HttpResponse response, TextReply reply, JsonElement body, CancellationToken cancellation);

    /// <summary>A completion that stops to call tools, as the vendor sends it, streamed when the body asks.</summary>
    public abstract Task WriteToolCallsAsync(HttpResponse response, ToolCallReply reply, JsonElement body, CancellationToken cancellation);

    public abstract Task WriteErrorAsync(HttpResponse response, StatusReply reply, CancellationToken cancellation);

    /// <summary>The request body as JSON, or an undefined element when it is empty or not JSON.</summary>
    public static JsonElement ParseBody(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    protected static string ModelOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
            ? model.GetString()!
            : "fake-model";

    protected static bool? FlagOf(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : null;

    protected static string NewId() => Guid.NewGuid().ToString("N")[..24];

    protected static string IsoNow() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes a whole JSON response; any vendor headers must be set before.</summary>
    protected static Task WriteJsonAsync(HttpResponse response, int statusCode, JsonNode body, CancellationToken cancellation)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        return response.WriteAsync(body.ToJsonString(), cancellation);
    }

    /// <summary>Sends the headers now, so a streaming client sees the response begin before the first event.</summary>
    protected static Task StartStreamAsync(HttpResponse response, string contentType, CancellationToken cancellation)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        return response.StartAsync(cancellation);
    }

    /// <summary>Writes and flushes at once: a stream is only a stream if each part leaves when it is written.</summary>
    protected static async Task WriteFlushedAsync(HttpResponse response, string text, CancellationToken cancellation)
    {
        await response.WriteAsync(text, cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    protected static void SetRetryAfter(HttpResponse response, StatusReply reply)
    {
        if (reply.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds;
        }
    }
}
