using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// One vendor's embeddings endpoint as seen on the wire; <see cref="FakeVendorServer"/> picks one by the request path
/// and answers with <see cref="FakeEmbeddings"/> vectors, one per input, in the order given.
/// </summary>
abstract class EmbeddingsWireFormat
{
    static readonly EmbeddingsWireFormat OpenAI = new OpenAIEmbeddingsFormat();
    static readonly EmbeddingsWireFormat Ollama = new OllamaEmbedFormat();

    /// <summary>The format served at <paramref name="path"/>, or null when it is not an embeddings endpoint.</summary>
    public static EmbeddingsWireFormat? ForPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.EndsWith("/api/embed", StringComparison.Ordinal))
        {
            return Ollama;
        }

        return trimmed.EndsWith("/embeddings", StringComparison.Ordinal) ? OpenAI : null;
    }

    public abstract Task WriteEmbeddingsAsync(HttpResponse response, JsonElement body, CancellationToken cancellation);

    /// <summary>The request's inputs: one string or an array of them.</summary>
    protected static IReadOnlyList<string> InputsOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("input", out var input)
            ? input.ValueKind switch
            {
                JsonValueKind.String => [input.GetString()!],
                JsonValueKind.Array => [.. input.EnumerateArray().Select(i => i.GetString() ?? "")],
                _ => [],
            }
            : [];

    protected static int DimensionsOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("dimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Number
            ? dimensions.GetInt32()
            : FakeEmbeddings.DefaultDimensions;

    protected static string ModelOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
            ? model.GetString()!
            : "fake-embedding-model";

    /// <summary>A rough token count: one per word, as a tokenizer would give for plain English.</summary>
    protected static int TokensOf(IEnumerable<string> inputs) => inputs.Sum(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    protected static Task WriteJsonAsync(HttpResponse response, JsonNode body, CancellationToken cancellation)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        return response.WriteAsync(body.ToJsonString(), cancellation);
    }
}
