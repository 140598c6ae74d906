using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OllamaSharp.Models.Chat;
using OllamaMessage = OllamaSharp.Models.Chat.Message;

namespace Swarm.Providers.Vendors;

/// <summary>
/// OllamaSharp's chat client with tool turns carried as Ollama documents them. OllamaSharp (5.5) declares the tools and
/// reads the calls, but on its own it sends each result back as a JSON wrapper (<c>{"CallId":…,"Result":…}</c>) with no
/// <c>tool_name</c>, drops the ids Ollama gives the calls (making up its own when reading, sending none back), and
/// reports a turn that asks for tools as stopped, since Ollama says <c>done_reason: "stop"</c> there too. Here the
/// conversation is written by <see cref="OllamaConversation"/> (handed to OllamaSharp as its raw request, so its HTTP,
/// options, tools and reading are kept), the calls keep Ollama's ids, and a turn with calls finishes with
/// <see cref="ChatFinishReason.ToolCalls"/>.
/// </summary>
public sealed class OllamaToolCalling(IChatClient ollama) : DelegatingChatClient(ollama)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync([], WithConversation(messages, options), cancellationToken);
        var calling = false;
        foreach (var message in response.Messages)
        {
            calling |= KeepOllamaIds(message.Contents);
        }

        if (calling && (response.FinishReason is null || response.FinishReason == ChatFinishReason.Stop))
        {
            response.FinishReason = ChatFinishReason.ToolCalls;
        }

        return response;
    }

    /// <summary>Ollama streams the calls whole in one chunk before its last; the last one's "stop" becomes tool calls.</summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var calling = false;
        await foreach (var update in base.GetStreamingResponseAsync([], WithConversation(messages, options), cancellationToken))
        {
            calling |= KeepOllamaIds(update.Contents);
            if (calling && update.FinishReason == ChatFinishReason.Stop)
            {
                update.FinishReason = ChatFinishReason.ToolCalls;
            }

            yield return update;
        }
    }

    /// <summary>
    /// Options whose raw request already holds the whole conversation. OllamaSharp puts a raw request's messages before
    /// the ones it maps itself, so it is given none to map, and no instructions (they lead the conversation instead).
    /// </summary>
    static ChatOptions WithConversation(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var conversation = OllamaConversation.From(messages, options?.Instructions);
        var routed = options?.Clone() ?? new ChatOptions();
        routed.Instructions = null;
        var callersRequest = options?.RawRepresentationFactory;
        routed.RawRepresentationFactory = client =>
        {
            var request = callersRequest?.Invoke(client) as ChatRequest ?? new ChatRequest();
            request.Messages = [.. request.Messages ?? [], .. conversation];
            return request;
        };
        return routed;
    }

    /// <summary>Gives each call the id Ollama sent with it, when it sent one; true when there are calls at all.</summary>
    static bool KeepOllamaIds(IList<AIContent> contents)
    {
        var calling = false;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is not FunctionCallContent call)
            {
                continue;
            }

            calling = true;
            if (call.RawRepresentation is OllamaMessage.ToolCall { Id: { Length: > 0 } id } && id != call.CallId)
            {
                contents[i] = new FunctionCallContent(id, call.Name, call.Arguments)
                {
                    RawRepresentation = call.RawRepresentation,
                    AdditionalProperties = call.AdditionalProperties,
                };
            }
        }

        return calling;
    }
}
