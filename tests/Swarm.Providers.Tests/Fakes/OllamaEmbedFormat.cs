using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// Ollama embeddings (<c>POST /api/embed</c>): <c>{"model", "input", "dimensions"?}</c> in,
/// <c>{"model", "embeddings": [[…]], "total_duration", "load_duration", "prompt_eval_count"}</c> out.
/// </summary>
sealed class OllamaEmbedFormat : EmbeddingsWireFormat
{
    // Durations are in nanoseconds on this API; any plausible values do.
    const long LoadNanoseconds = 1_000_000;
    const long TotalNanoseconds = 5_000_000;

    public override Task WriteEmbeddingsAsync(HttpResponse response, JsonElement body, CancellationToken cancellation)
    {
        var inputs = InputsOf(body);
        var dimensions = DimensionsOf(body);
        var reply = new JsonObject
        {
            ["model"] = ModelOf(body),
            ["embeddings"] = new JsonArray([.. inputs.Select(input => (JsonNode)new JsonArray([.. FakeEmbeddings.VectorOf(input, dimensions).Select(v => (JsonNode)v)]))]),
            ["total_duration"] = TotalNanoseconds,
            ["load_duration"] = LoadNanoseconds,
            ["prompt_eval_count"] = TokensOf(inputs),
        };
        return WriteJsonAsync(response, reply, cancellation);
    }
}
