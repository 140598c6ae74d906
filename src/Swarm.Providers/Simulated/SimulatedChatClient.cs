using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Swarm.Providers.Configuration;
using Swarm.Providers.Resilience;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Simulated;

/// <summary>
/// The offline provider: answers without a model, so the swarm runs, and can be benchmarked, with no keys and no
/// network. The right answer to a prompt is derived from the prompt alone; a profile's accuracy decides how often an
/// agent gives it rather than one of a few plausible wrong answers, and its latency and failure rate shape the call.
/// Asked for structured output, it answers with an instance of the schema (<see cref="SimulatedJson"/>). Offered tools, it
/// asks for some before answering, as its profile's <c>toolRounds</c> and <c>toolCallsPerRound</c> say (<see cref="SimulatedToolUse"/>).
/// Every answer starts with <see cref="Label"/>, so nobody mistakes it for a model's output. Token counts are word counts.
/// Streamed, the answer comes in pieces of a few words (<see cref="SimulatedChunks"/>).
/// </summary>
public sealed class SimulatedChatClient(SimulatedProviderSettings settings, TimeProvider time) : IChatClient
{
    public const string Label = "[simulated]";

    /// <summary>How many different wrong answers a prompt has: few, so wrong voters can agree with each other, as real ones do.</summary>
    const int WrongAnswers = 3;

    /// <summary>Calls made per agent and prompt, so a seeded run draws the same sequence whatever the interleaving of other calls.</summary>
    readonly ConcurrentDictionary<string, int> callsSoFar = new(StringComparer.Ordinal);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var conversation = messages as IList<ChatMessage> ?? [.. messages];

        // The right answer depends on what the agent is asked, not on who it is told it is (the system message) nor on
        // the tools used on the way (the tool rounds), so agents of different types asked the same thing can agree.
        var prompt = string.Join("\n", conversation.Where(m => m.Role != ChatRole.System && !SimulatedToolUse.IsToolTraffic(m)).Select(m => m.Text));
        var model = options?.ModelId ?? "simulated";
        var profile = ProfileOf(model);
        var call = ModelCallContext.Of(options);
        var capability = call?.Capability;
        var agent = call?.AgentId ?? "";
        var draw = DrawFor(agent, prompt);

        var latency = profile.LatencyMs + (profile.LatencyJitterMs > 0 ? draw.Next(profile.LatencyJitterMs + 1) : 0);
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), time, cancellationToken);
        }

        if (draw.NextDouble() < profile.FailureRate)
        {
            throw ProviderFaultException.Simulated(new ProviderRoute(ProviderTypes.Simulated, model), HttpStatusCode.ServiceUnavailable, "simulated overload (providers:simulated:failureRate).");
        }

        var accuracy = capability is not null && profile.CapabilityAccuracy.TryGetValue(capability, out var specific) ? specific : profile.Accuracy;
        var right = draw.NextDouble() < accuracy;
        var offered = SimulatedToolUse.Offered(options);
        var round = SimulatedToolUse.RoundsSoFar(conversation) + 1;
        if (offered.Count > 0 && round <= profile.ToolRounds)
        {
            var task = conversation.LastOrDefault(m => m.Role == ChatRole.User && !SimulatedToolUse.IsToolTraffic(m))?.Text ?? prompt;
            var calls = SimulatedToolUse.Calls(offered, round, profile.ToolCallsPerRound, task, draw);
            var asking = new ChatMessage(ChatRole.Assistant, [new TextContent($"{Label} calling {string.Join(", ", calls.Select(c => c.Name))}"), .. calls]);
            return Reply(asking, model, ChatFinishReason.ToolCalls, conversation);
        }

        var question = call?.Question ?? prompt;
        var text = options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema }
            ? SimulatedJson.Instantiate(schema, prompt, choices => Choose(question, choices, right, draw))
            : WithResultsSeen(right ? Answer(prompt) : WrongAnswer(prompt, draw.Next(WrongAnswers)), conversation);
        return Reply(new ChatMessage(ChatRole.Assistant, text), model, ChatFinishReason.Stop, conversation);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The whole answer is made first (its latency is the time to the first piece), then streamed in labelled pieces.
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in SimulatedChunks.Of(response))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
    }

    /// <summary>
    /// The right choice among options for a question: the option that is this provider's right answer to it, when one is
    /// (so simulated agents voting on simulated answers prefer the right one), else one fixed by the question alone.
    /// </summary>
    public static string RightChoice(string question, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(choices);
        // An answer given after tool rounds is the answer followed by what the tools returned.
        var answer = Answer(question);
        return choices.FirstOrDefault(c => c == answer || c.StartsWith(answer + "\n", StringComparison.Ordinal))
            ?? choices[(int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(question))) % (uint)choices.Count)];
    }

    /// <summary>A voter as accurate as its profile: the right choice when its draw says right, otherwise one of the others.</summary>
    static string Choose(string question, IReadOnlyList<string> choices, bool right, Random draw)
    {
        var correct = RightChoice(question, choices);
        if (right || choices.Count == 1)
        {
            return correct;
        }

        var others = choices.Where(c => c != correct).ToList();
        return others[draw.Next(others.Count)];
    }

    /// <summary>The right answer to a prompt: a fingerprint of the prompt and an echo of its start.</summary>
    public static string Answer(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Phrase(Fingerprint(prompt), prompt);
    }

    /// <summary>One of the prompt's wrong answers: the same shape as the right one, with another fingerprint.</summary>
    public static string WrongAnswer(string prompt, int which)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Phrase(Fingerprint($"{prompt}\u0000wrong-{which}"), prompt);
    }

    /// <summary>Tokens are words: of everything the model was sent (tool calls and results too), and of what it says.</summary>
    static ChatResponse Reply(ChatMessage message, string model, ChatFinishReason finish, IEnumerable<ChatMessage> conversation) => new(message)
    {
        ModelId = model,
        FinishReason = finish,
        Usage = new UsageDetails { InputTokenCount = WordCount(TextOf(conversation)), OutputTokenCount = WordCount(TextOf([message])) },
    };

    /// <summary>A plain answer after tool rounds says what the tools returned; an answer in JSON stays JSON.</summary>
    static string WithResultsSeen(string answer, IEnumerable<ChatMessage> conversation) =>
        SimulatedToolUse.ResultsSeen(conversation) is { } seen ? answer + "\n" + seen : answer;

    static string TextOf(IEnumerable<ChatMessage> messages) => string.Join("\n", messages.SelectMany(m => m.Contents).Select(content => content switch
    {
        TextContent text => text.Text,
        FunctionCallContent call => $"{call.Name} {JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)))}",
        FunctionResultContent result => SimulatedToolUse.TextOf(result),
        _ => "",
    }));

    SimulatedProfile ProfileOf(string model) => settings.Profiles.TryGetValue(model, out var profile) ? profile : new SimulatedProfile
    {
        LatencyMs = settings.LatencyMs,
        LatencyJitterMs = settings.LatencyJitterMs,
        FailureRate = settings.FailureRate,
        Accuracy = settings.Accuracy,
        ToolRounds = settings.ToolRounds,
        ToolCallsPerRound = settings.ToolCallsPerRound,
    };

    /// <summary>Random unless a seed is set; seeded draws depend only on the seed, the agent, the prompt and how often that agent was asked it.</summary>
    Random DrawFor(string agent, string prompt)
    {
        if (settings.Seed == 0)
        {
            return Random.Shared;
        }

        var key = agent + "\u0000" + prompt;
        if (callsSoFar.Count > 100_000)
        {
            callsSoFar.Clear();
        }

        var call = callsSoFar.AddOrUpdate(key, 1, (_, n) => n + 1);
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{settings.Seed}\u0000{key}\u0000{call}")));
        return new Random(seed);
    }

    static string Phrase(string fingerprint, string prompt)
    {
        var head = prompt.Length <= 80 ? prompt : prompt[..80] + "…";
        return $"{Label} answer {fingerprint} to a {WordCount(prompt)}-word prompt: \"{head}\"";
    }

    static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
