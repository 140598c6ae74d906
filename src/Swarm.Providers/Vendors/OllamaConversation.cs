using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaMessage = OllamaSharp.Models.Chat.Message;
using OllamaRole = OllamaSharp.Models.Chat.ChatRole;

namespace Swarm.Providers.Vendors;

/// <summary>
/// A conversation as the messages of Ollama's <c>/api/chat</c>, tool turns included the way Ollama documents them: the
/// assistant's <c>tool_calls</c> with their ids and arguments as objects, and each result as its own <c>role: "tool"</c>
/// message whose content is the tool's output as it is, with <c>tool_name</c> saying which tool gave it.
/// </summary>
static class OllamaConversation
{
    /// <param name="instructions">Instructions given on the options rather than as a message; they go first.</param>
    public static List<OllamaMessage> From(IEnumerable<ChatMessage> messages, string? instructions)
    {
        var conversation = new List<OllamaMessage>();
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            conversation.Add(new OllamaMessage(OllamaRole.System, instructions));
        }

        // A result names only its call's id; Ollama wants the tool's name, which the call carried.
        var toolNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            foreach (var call in calls)
            {
                toolNames[call.CallId] = call.Name;
            }

            var images = message.Contents.OfType<DataContent>().Where(data => data.HasTopLevelMediaType("image")).Select(data => data.Base64Data.ToString()).ToArray();
            if (message.Text.Length > 0 || images.Length > 0 || calls.Count > 0)
            {
                conversation.Add(new OllamaMessage
                {
                    Role = new OllamaRole(message.Role.Value),
                    Content = message.Text,
                    Images = images.Length > 0 ? images : null,
                    ToolCalls = calls.Count > 0 ? [.. calls.Select(ToolCall)] : null,
                });
            }

            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                conversation.Add(new OllamaMessage
                {
                    Role = OllamaRole.Tool,
                    Content = TextOf(result),
                    ToolName = toolNames.GetValueOrDefault(result.CallId),
                });
            }
        }

        return conversation;
    }

    static OllamaMessage.ToolCall ToolCall(FunctionCallContent call, int index) => new()
    {
        Id = call.CallId,
        Function = new OllamaMessage.Function
        {
            Index = index,
            Name = call.Name,
            Arguments = call.Arguments ?? new Dictionary<string, object?>(StringComparer.Ordinal),
        },
    };

    static string TextOf(FunctionResultContent result) => result.Result switch
    {
        string text => text,
        null => result.Exception?.Message ?? "",
        var value => JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
    };
}
