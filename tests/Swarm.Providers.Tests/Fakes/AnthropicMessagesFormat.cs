using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// Anthropic Messages (<c>POST /v1/messages</c>). Streams only when the body says <c>"stream": true</c>, as named
/// server-sent events in the documented order: message_start, content_block_start, ping, content_block_delta…,
/// content_block_stop, message_delta, message_stop.
/// </summary>
sealed class AnthropicMessagesFormat : VendorWireFormat
{
    public override bool AsksToStream(JsonElement body) => FlagOf(body, "stream") == true;

    public override async Task WriteCompletionAsync(HttpResponse response, TextReply reply, JsonElement body, CancellationToken cancellation)
    {
        var id = "msg_" + NewId();
        var model = ModelOf(body);
        response.Headers["request-id"] = "req_" + NewId();
        if (!AsksToStream(body))
        {
            if (await reply.BreaksAtAsync(0, response, cancellation))
            {
                return;
            }

            var message = Message(id, model, new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply.Content }), "end_turn");
            message["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = reply.OutputTokens };
            await WriteJsonAsync(response, StatusCodes.Status200OK, message, cancellation);
            return;
        }

        await StartStreamAsync(response, "text/event-stream", cancellation);
        var started = Message(id, model, new JsonArray(), stopReason: null);
        started["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = 1 };
        await WriteEventAsync(response, new JsonObject { ["type"] = "message_start", ["message"] = started }, cancellation);
        await WriteEventAsync(response, new JsonObject
        {
            ["type"] = "content_block_start",
            ["index"] = 0,
            ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
        }, cancellation);
        await WriteEventAsync(response, new JsonObject { ["type"] = "ping" }, cancellation);
        var pieces = reply.Pieces();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (await reply.BreaksAtAsync(i, response, cancellation))
            {
                return;
            }

            await WriteEventAsync(response, new JsonObject
            {
                ["type"] = "content_block_delta",
                ["index"] = 0,
                ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = pieces[i] },
            }, cancellation);
        }

        await WriteEventAsync(response, new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }, cancellation);
        await WriteEventAsync(response, new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = reply.OutputTokens },
        }, cancellation);
        await WriteEventAsync(response, new JsonObject { ["type"] = "message_stop" }, cancellation);
    }

    /// <summary>
    /// Tool calls as the Messages API sends them: a <c>tool_use</c> content block per call (its id, name and parsed
    /// input) after any text, and <c>stop_reason: "tool_use"</c>. Streamed, each tool_use block starts with an empty
    /// input and its JSON follows in <c>input_json_delta</c> pieces.
    /// </summary>
    public override async Task WriteToolCallsAsync(HttpResponse response, ToolCallReply reply, JsonElement body, CancellationToken cancellation)
    {
        var id = "msg_" + NewId();
        var model = ModelOf(body);
        response.Headers["request-id"] = "req_" + NewId();
        if (!AsksToStream(body))
        {
            var content = new JsonArray();
            if (reply.Preamble is { } text)
            {
                content.Add(new JsonObject { ["type"] = "text", ["text"] = text });
            }

            foreach (var call in reply.Calls)
            {
                content.Add(new JsonObject { ["type"] = "tool_use", ["id"] = call.Id, ["name"] = call.Name, ["input"] = call.Arguments() });
            }

            var message = Message(id, model, content, "tool_use");
            message["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = reply.OutputTokens };
            await WriteJsonAsync(response, StatusCodes.Status200OK, message, cancellation);
            return;
        }

        await StartStreamAsync(response, "text/event-stream", cancellation);
        var started = Message(id, model, new JsonArray(), stopReason: null);
        started["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = 1 };
        await WriteEventAsync(response, new JsonObject { ["type"] = "message_start", ["message"] = started }, cancellation);
        var index = 0;
        if (reply.Preamble is { } streamedText)
        {
            await WriteBlockAsync(
                response, index++, new JsonObject { ["type"] = "text", ["text"] = "" },
                StreamPieces.Of(streamedText).Select(piece => new JsonObject { ["type"] = "text_delta", ["text"] = piece }), cancellation);
        }

        foreach (var call in reply.Calls)
        {
            await WriteBlockAsync(
                response, index++, new JsonObject { ["type"] = "tool_use", ["id"] = call.Id, ["name"] = call.Name, ["input"] = new JsonObject() },
                StreamPieces.Of(call.ArgumentsJson).Select(piece => new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece }), cancellation);
        }

        await WriteEventAsync(response, new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = "tool_use", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = reply.OutputTokens },
        }, cancellation);
        await WriteEventAsync(response, new JsonObject { ["type"] = "message_stop" }, cancellation);
    }

    public override Task WriteErrorAsync(HttpResponse response, StatusReply reply, CancellationToken cancellation)
    {
        // The error types of Anthropic's "Errors" page, by the status it documents for each.
        var type = reply.StatusCode switch
        {
            400 => "invalid_request_error",
            401 => "authentication_error",
            402 => "billing_error",
            403 => "permission_error",
            404 => "not_found_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            504 => "timeout_error",
            529 => "overloaded_error",
            >= 500 => "api_error",
            _ => "invalid_request_error",
        };
        var requestId = "req_" + NewId();
        response.Headers["request-id"] = requestId;
        SetRetryAfter(response, reply);
        var error = new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = reply.ErrorMessage },
            ["request_id"] = requestId,
        };
        return WriteJsonAsync(response, reply.StatusCode, error, cancellation);
    }

    static JsonObject Message(string id, string model, JsonArray content, string? stopReason) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
    };

    /// <summary>One content block of a stream: its start, its deltas, its stop.</summary>
    static async Task WriteBlockAsync(HttpResponse response, int index, JsonObject start, IEnumerable<JsonObject> deltas, CancellationToken cancellation)
    {
        await WriteEventAsync(response, new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = start }, cancellation);
        foreach (var delta in deltas)
        {
            await WriteEventAsync(response, new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta }, cancellation);
        }

        await WriteEventAsync(response, new JsonObject { ["type"] = "content_block_stop", ["index"] = index }, cancellation);
    }

    /// <summary>One server-sent event, named by the "type" its data carries, as the API sends it.</summary>
    static Task WriteEventAsync(HttpResponse response, JsonObject data, CancellationToken cancellation) =>
        WriteFlushedAsync(response, $"event: {data["type"]}\ndata: {data.ToJsonString()}\n\n", cancellation);
}
