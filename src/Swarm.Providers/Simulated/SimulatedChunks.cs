using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Swarm.Providers.Simulated;

/// <summary>
/// How the simulated provider streams an answer: its text in pieces of <see cref="WordsPerChunk"/> words (each with the
/// space after it), then any tool calls, then the usage and finish reason; the same pieces for the same answer, and
/// joined they are the answer it gives unstreamed, label and all.
/// </summary>
public static partial class SimulatedChunks
{
    /// <summary>Words per streamed piece: about what a vendor's chunk carries.</summary>
    public const int WordsPerChunk = 3;

    public static IEnumerable<ChatResponseUpdate> Of(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is TextContent text)
                {
                    foreach (var piece in Pieces(text.Text))
                    {
                        yield return Update(response, message, new TextContent(piece));
                    }
                }
                else if (content is not UsageContent)
                {
                    yield return Update(response, message, content);
                }
            }
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, response.Usage is { } usage ? [new UsageContent(usage)] : [])
        {
            ResponseId = response.ResponseId,
            ModelId = response.ModelId,
            FinishReason = response.FinishReason,
        };
    }

    /// <summary>The text cut after every <see cref="WordsPerChunk"/>th word, leading spaces kept with the first piece.</summary>
    public static IEnumerable<string> Pieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Word().Matches(text);
        var lead = words.Count > 0 ? text[..words[0].Index] : text;
        for (var i = 0; i < words.Count; i += WordsPerChunk)
        {
            var piece = string.Concat(words.Skip(i).Take(WordsPerChunk).Select(w => w.Value));
            yield return i == 0 ? lead + piece : piece;
        }

        if (words.Count == 0 && lead.Length > 0)
        {
            yield return lead;
        }
    }

    static ChatResponseUpdate Update(ChatResponse response, ChatMessage message, AIContent content) => new(message.Role, [content])
    {
        ResponseId = response.ResponseId,
        MessageId = message.MessageId,
        ModelId = response.ModelId,
    };

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Word();
}
