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
            await WriteJsonAsync(response, StatusCodes.Status200OK, Final(model, reply.InputTokens, reply.OutputTokens, reply.Content), cancellation);
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

        await WriteFlushedAsync(response, Final(model, reply.InputTokens, reply.OutputTokens, content: "").ToJsonString() + "\n", cancellation);
    }

    /// <summary>
    /// Tool calls as Ollama sends them: <c>message.tool_calls</c>, each with the id the server gives it (<c>call_…</c>)
    /// and a function with its index, name and arguments as a JSON object. Ollama says <c>done_reason: "stop"</c> here
    /// too: only the calls show that the model stopped to use tools. Streamed, the calls come whole in one chunk before
    /// the final one.
    /// </summary>
    public override async Task WriteToolCallsAsync(HttpResponse response, ToolCallReply reply, JsonElement body, CancellationToken cancellation)
    {
        var model = ModelOf(body);
        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = reply.Preamble ?? "",
            ["tool_calls"] = new JsonArray([.. reply.Calls.Select((call, index) => (JsonNode)new JsonObject
            {
                ["id"] = call.Id,
                ["function"] = new JsonObject { ["index"] = index, ["name"] = call.Name, ["arguments"] = call.Arguments() },
            })]),
        };
        if (!AsksToStream(body))
        {
            var final = Final(model, reply.InputTokens, reply.OutputTokens, content: "");
            final["message"] = message;
            await WriteJsonAsync(response, StatusCodes.Status200OK, final, cancellation);
            return;
        }

        await StartStreamAsync(response, "application/x-ndjson", cancellation);
        var part = new JsonObject { ["model"] = model, ["created_at"] = IsoNow(), ["message"] = message, ["done"] = false };
        await WriteFlushedAsync(response, part.ToJsonString() + "\n", cancellation);
        await WriteFlushedAsync(response, Final(model, reply.InputTokens, reply.OutputTokens, content: "").ToJsonString() + "\n", cancellation);
    }

    public override Task WriteErrorAsync(HttpResponse response, StatusReply reply, CancellationToken cancellation)
    {
        SetRetryAfter(response, reply);
        var error = new JsonObject { ["error"] = reply.Message ?? $"fake vendor error {reply.StatusCode}" };
        return WriteJsonAsync(response, reply.StatusCode, error, cancellation);
    }

    static JsonObject Final(string model, int inputTokens, int outputTokens, string content) => new()
    {
        ["model"] = model,
        ["created_at"] = IsoNow(),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        ["done"] = true,
        ["done_reason"] = "stop",
        ["total_duration"] = LoadNanoseconds + PromptNanoseconds + EvalNanoseconds,
        ["load_duration"] = LoadNanoseconds,
        ["prompt_eval_count"] = inputTokens,
        ["prompt_eval_duration"] = PromptNanoseconds,
        ["eval_count"] = outputTokens,
        ["eval_duration"] = EvalNanoseconds,
    };
}
