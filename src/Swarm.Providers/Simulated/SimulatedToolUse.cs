using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Swarm.Providers.Simulated;

/// <summary>
/// How the simulated provider uses the tools it is offered (declarations on the options, unless the tool mode is
/// none; only the named one when a specific tool is required). While the conversation has had fewer rounds of tool
/// results than the profile's <c>toolRounds</c>, it asks for <c>toolCallsPerRound</c> calls instead of answering: the
/// tools in an order the call's draw shuffles (so a seeded run asks for the same ones again), each with arguments made
/// from its schema (<see cref="SimulatedArguments"/>) and the id <c>sim-call-{round}-{n}</c>. A round counts once its
/// results are in: one message carrying <see cref="FunctionResultContent"/> per round, as the agent loop sends them.
/// The final answer then names what the tools returned (<see cref="ResultsSeen"/>), so a test sees the results arrive.
/// </summary>
public static class SimulatedToolUse
{
    /// <summary>Results named in a final answer, the first ones; a long loop's answer stays readable.</summary>
    public const int MentionedResults = 8;

    const int ResultExcerptLength = 80;

    /// <summary>The tools the model may call now: none when the options offer none or say not to call any.</summary>
    public static IReadOnlyList<AIFunctionDeclaration> Offered(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools || options.ToolMode is NoneChatToolMode)
        {
            return [];
        }

        var declared = tools.OfType<AIFunctionDeclaration>().ToList();
        return options.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } required } ? [.. declared.Where(tool => tool.Name == required)] : declared;
    }

    /// <summary>Rounds of tool results the conversation holds.</summary>
    public static int RoundsSoFar(IEnumerable<ChatMessage> conversation) =>
        conversation.Count(message => message.Contents.Any(content => content is FunctionResultContent));

    /// <summary>Whether a message is a tool round's traffic (the calls asked for, or the results) rather than the task's text.</summary>
    public static bool IsToolTraffic(ChatMessage message) =>
        message.Role == ChatRole.Tool || message.Contents.Any(content => content is FunctionCallContent or FunctionResultContent);

    /// <param name="round">The round these calls make, from 1.</param>
    /// <param name="prompt">The task's text: string arguments are made from it.</param>
    public static List<FunctionCallContent> Calls(IReadOnlyList<AIFunctionDeclaration> offered, int round, int count, string prompt, Random draw)
    {
        var order = Enumerable.Range(0, offered.Count).ToArray();
        draw.Shuffle(order);
        var calls = new List<FunctionCallContent>(count);
        for (var i = 0; i < count; i++)
        {
            // More calls than tools: the order starts again; each call's arguments still differ by their salt.
            var tool = offered[order[i % order.Length]];
            var arguments = SimulatedArguments.For(tool.JsonSchema, prompt, $"{tool.Name}\u0000{round}\u0000{i}");
            calls.Add(new FunctionCallContent($"sim-call-{round}-{i + 1}", tool.Name, arguments));
        }

        return calls;
    }

    /// <summary>
    /// A line for each tool result in the conversation (the first <see cref="MentionedResults"/>): which tool, which call,
    /// and the start of what it returned; null when there were none.
    /// </summary>
    public static string? ResultsSeen(IEnumerable<ChatMessage> conversation)
    {
        var toolOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var call in conversation.SelectMany(message => message.Contents.OfType<FunctionCallContent>()))
        {
            toolOf.TryAdd(call.CallId, call.Name);
        }

        var results = conversation.SelectMany(message => message.Contents.OfType<FunctionResultContent>()).ToList();
        if (results.Count == 0)
        {
            return null;
        }

        var lines = results.Take(MentionedResults)
            .Select(result => $"{SimulatedChatClient.Label} tool {toolOf.GetValueOrDefault(result.CallId, "?")} ({result.CallId}) returned: {Excerpt(TextOf(result))}")
            .ToList();
        if (results.Count > MentionedResults)
        {
            lines.Add($"{SimulatedChatClient.Label} and {results.Count - MentionedResults} more tool results.");
        }

        return string.Join('\n', lines);
    }

    /// <summary>What a result says, as text: the result itself, or the error when the tool failed without one.</summary>
    public static string TextOf(FunctionResultContent result) => result.Result switch
    {
        string text => text,
        null => result.Exception?.Message ?? "",
        var value => JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
    };

    static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= ResultExcerptLength ? line : line[..ResultExcerptLength] + "…";
    }
}
