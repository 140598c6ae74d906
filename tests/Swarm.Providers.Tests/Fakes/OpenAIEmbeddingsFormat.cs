using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// OpenAI embeddings (<c>POST /v1/embeddings</c>): <c>{"object": "list", "data": [{"object": "embedding", "index",
/// "embedding"}], "model", "usage"}</c>. Each vector is a JSON array of floats, or, when the request says
/// <c>"encoding_format": "base64"</c> (the OpenAI SDK always does), the little-endian float32 bytes in base64.
/// </summary>
sealed class OpenAIEmbeddingsFormat : EmbeddingsWireFormat
{
    public override Task WriteEmbeddingsAsync(HttpResponse response, JsonElement body, CancellationToken cancellation)
    {
        var inputs = InputsOf(body);
        var dimensions = DimensionsOf(body);
        var base64 = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var tokens = TokensOf(inputs);
        var reply = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. inputs.Select((input, index) =>
            {
                var vector = FakeEmbeddings.VectorOf(input, dimensions);
                return (JsonNode)new JsonObject
                {
                    ["object"] = "embedding",
                    ["index"] = index,
                    ["embedding"] = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : new JsonArray([.. vector.Select(v => (JsonNode)v)]),
                };
            })]),
            ["model"] = ModelOf(body),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        return WriteJsonAsync(response, reply, cancellation);
    }
}
