using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// OpenAI Chat Completions (<c>POST …/chat/completions</c>), which Qwen's compatible mode, vLLM, llama.cpp and
/// LM Studio speak too. Streams only when the body says <c>"stream": true</c>; the usage chunk comes only when
/// <c>stream_options.include_usage</c> asks for it, as the API reference documents.
/// </summary>
sealed class OpenAIChatCompletionsFormat : VendorWireFormat
{
    public override bool AsksToStream(JsonElement body) => FlagOf(body, "stream") == true;

    public override async Task WriteCompletionAsync(HttpResponse response, TextReply reply, JsonElement body, CancellationToken cancellation)
    {
        var id = "chatcmpl-" + NewId();
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = ModelOf(body);
        if (!AsksToStream(body))
        {
            if (await reply.BreaksAtAsync(0, response, cancellation))
            {
                return;
            }

            var completion = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = Usage(reply),
            };
            await WriteJsonAsync(response, StatusCodes.Status200OK, completion, cancellation);
            return;
        }

        var includeUsage = body.TryGetProperty("stream_options", out var options) && FlagOf(options, "include_usage") == true;
        await StartStreamAsync(response, "text/event-stream", cancellation);
        var pieces = reply.Pieces();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (await reply.BreaksAtAsync(i, response, cancellation))
            {
                return;
            }

            // The role comes once, on the first delta, as OpenAI sends it.
            var delta = i == 0 ? new JsonObject { ["role"] = "assistant", ["content"] = pieces[i] } : new JsonObject { ["content"] = pieces[i] };
            await WriteEventAsync(response, Chunk(id, created, model, Choice(delta, finishReason: null), includeUsage), cancellation);
        }

        await WriteEventAsync(response, Chunk(id, created, model, Choice(new JsonObject(), "stop"), includeUsage), cancellation);
        if (includeUsage)
        {
            var usageChunk = Chunk(id, created, model, new JsonArray(), includeUsage: false);
            usageChunk["usage"] = Usage(reply);
            await WriteEventAsync(response, usageChunk, cancellation);
        }

        await WriteFlushedAsync(response, "data: [DONE]\n\n", cancellation);
    }

    /// <summary>
    /// Tool calls as the API reference documents them: <c>message.tool_calls</c> with each call's id and its arguments as
    /// a JSON string, and <c>finish_reason: "tool_calls"</c>. Streamed, a call's first delta carries its index, id and
    /// name, and the arguments follow in pieces under the same index.
    /// </summary>
    public override async Task WriteToolCallsAsync(HttpResponse response, ToolCallReply reply, JsonElement body, CancellationToken cancellation)
    {
        var id = "chatcmpl-" + NewId();
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = ModelOf(body);
        if (!AsksToStream(body))
        {
            var calls = new JsonArray([.. reply.Calls.Select(call => (JsonNode)new JsonObject
            {
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
            })]);
            var completion = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Preamble, ["tool_calls"] = calls },
                    ["finish_reason"] = "tool_calls",
                }),
                ["usage"] = Usage(reply.InputTokens, reply.OutputTokens),
            };
            await WriteJsonAsync(response, StatusCodes.Status200OK, completion, cancellation);
            return;
        }

        var includeUsage = body.TryGetProperty("stream_options", out var options) && FlagOf(options, "include_usage") == true;
        await StartStreamAsync(response, "text/event-stream", cancellation);
        var deltas = new List<JsonObject>();
        if (reply.Preamble is { } text)
        {
            deltas.AddRange(StreamPieces.Of(text).Select(piece => new JsonObject { ["content"] = piece }));
        }

        for (var index = 0; index < reply.Calls.Count; index++)
        {
            var call = reply.Calls[index];
            deltas.Add(ToolCallDelta(index, new JsonObject { ["name"] = call.Name, ["arguments"] = "" }, call.Id));
            deltas.AddRange(StreamPieces.Of(call.ArgumentsJson).Select(piece => ToolCallDelta(index, new JsonObject { ["arguments"] = piece }, id: null)));
        }

        // The role comes once, on the first delta, as OpenAI sends it.
        deltas[0]["role"] = "assistant";
        foreach (var delta in deltas)
        {
            await WriteEventAsync(response, Chunk(id, created, model, Choice(delta, finishReason: null), includeUsage), cancellation);
        }

        await WriteEventAsync(response, Chunk(id, created, model, Choice(new JsonObject(), "tool_calls"), includeUsage), cancellation);
        if (includeUsage)
        {
            var usageChunk = Chunk(id, created, model, new JsonArray(), includeUsage: false);
            usageChunk["usage"] = Usage(reply.InputTokens, reply.OutputTokens);
            await WriteEventAsync(response, usageChunk, cancellation);
        }

        await WriteFlushedAsync(response, "data: [DONE]\n\n", cancellation);
    }

    public override Task WriteErrorAsync(HttpResponse response, StatusReply reply, CancellationToken cancellation)
    {
        var (type, code) = reply.StatusCode switch
        {
            401 => ("invalid_request_error", "invalid_api_key"),
            404 => ("invalid_request_error", "model_not_found"),
            429 => ("requests", "rate_limit_exceeded"),
            >= 500 => ("server_error", "server_error"),
            _ => ("invalid_request_error", "invalid_request"),
        };
        SetRetryAfter(response, reply);
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = reply.ErrorMessage,
                ["type"] = type,
                ["param"] = null,
                ["code"] = code,
            },
        };
        return WriteJsonAsync(response, reply.StatusCode, error, cancellation);
    }

    static JsonObject Usage(TextReply reply) => Usage(reply.InputTokens, reply.OutputTokens);

    static JsonObject Usage(int inputTokens, int outputTokens) => new()
    {
        ["prompt_tokens"] = inputTokens,
        ["completion_tokens"] = outputTokens,
        ["total_tokens"] = inputTokens + outputTokens,
    };

    /// <summary>A delta for the call at <paramref name="index"/>; only its first carries the id and type.</summary>
    static JsonObject ToolCallDelta(int index, JsonObject function, string? id)
    {
        var call = new JsonObject { ["index"] = index };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }

        call["function"] = function;
        return new JsonObject { ["tool_calls"] = new JsonArray(call) };
    }

    static JsonArray Choice(JsonObject delta, string? finishReason) =>
        new(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason });

    static JsonObject Chunk(string id, long created, string model, JsonArray choices, bool includeUsage)
    {
        var chunk = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = choices,
        };

        // With include_usage every chunk but the last carries "usage": null, as the API reference says.
        if (includeUsage)
        {
            chunk["usage"] = null;
        }

        return chunk;
    }

    static Task WriteEventAsync(HttpResponse response, JsonObject chunk, CancellationToken cancellation) =>
        WriteFlushedAsync(response, $"data: {chunk.ToJsonString()}\n\n", cancellation);
}
