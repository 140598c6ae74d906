using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// Ollama chat (<c>POST /api/chat</c>). Unlike the others it streams unless the body says <c>"stream": false</c>,
/// as newline-delimited JSON objects, the last of which has <c>"done": true</c> and the counts.
/// </summary>
sealed class OllamaChatFormat : VendorWireFormat
{
    // Durations are in nanoseconds on this API; any plausible values do.
    const long LoadNanoseconds = 1_000_000;
    const long PromptNanoseconds = 2_000_000;
    const long EvalNanoseconds = 3_000_000;

    public override bool AsksToStream(JsonElement body) => FlagOf(body, "stream") != false;

    public override async Task WriteCompletionAsync(HttpResponse response, TextReply reply, JsonElement body, CancellationToken cancellation)
    {
        var model = ModelOf(body);
        if (!AsksToStream(body))
        {
            await WriteJsonAsync(response, StatusCodes.Status200OK, Final(model, reply, reply.Content), cancellation);
            return;
        }

        await StartStreamAsync(response, "application/x-ndjson", cancellation);
        foreach (var piece in reply.Pieces())
        {
            var part = new JsonObject
            {
                ["model"] = model,
                ["created_at"] = IsoNow(),
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = piece },
                ["done"] = false,
            };
            await WriteFlushedAsync(response, part.ToJsonString() + "\n", cancellation);
        }

        await WriteFlushedAsync(response, Final(model, reply, content: "").ToJsonString() + "\n", cancellation);
    }

    public override Task WriteErrorAsync(HttpResponse response, StatusReply reply, CancellationToken cancellation)
    {
        SetRetryAfter(response, reply);
        var error = new JsonObject { ["error"] = reply.Message ?? $"fake vendor error {reply.StatusCode}" };
        return WriteJsonAsync(response, reply.StatusCode, error, cancellation);
    }

    static JsonObject Final(string model, TextReply reply, string content) => new()
    {
        ["model"] = model,
        ["created_at"] = IsoNow(),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        ["done"] = true,
        ["done_reason"] = "stop",
        ["total_duration"] = LoadNanoseconds + PromptNanoseconds + EvalNanoseconds,
        ["load_duration"] = LoadNanoseconds,
        ["prompt_eval_count"] = reply.InputTokens,
        ["prompt_eval_duration"] = PromptNanoseconds,
        ["eval_count"] = reply.OutputTokens,
        ["eval_duration"] = EvalNanoseconds,
    };
}
