using System.Text.Json;
using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Providers.Accounting;
using Swarm.Providers.Configuration;
using Swarm.Providers.Resilience;
using Swarm.Providers.Simulated;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tests;

/// <summary>
/// The simulated provider offered tools: it asks for calls for its profile's rounds, reproducibly under a seed, with
/// arguments its tools accept, then answers as usual and says what the tools returned. The conversation is run the way
/// the agent loop runs it: the calls go back as an assistant message, their results as a tool message.
/// </summary>
public sealed class SimulatedToolCallTests
{
    const string Instructions = "You are the archivist.";
    const string Task = "Find the report on the 2025 harvest and summarise it.";

    static readonly JsonElement SearchSchema = Json("""
        {"type":"object","properties":{"query":{"type":"string"},"limit":{"type":"integer","minimum":5,"maximum":50},"exact":{"type":"boolean"},"note":{"type":"string"}},"required":["query","limit","exact"]}
        """);

    static readonly JsonElement FetchSchema = Json("""
        {"type":"object","properties":{"document_id":{"type":"string"},"url":{"type":"string","format":"uri"},"format":{"type":"string","enum":["markdown","text"]}},"required":["document_id","url","format"]}
        """);

    static readonly JsonElement TagSchema = Json("""
        {"type":"object","properties":{"fileName":{"type":"string","maxLength":12},"labels":{"type":"array","items":{"type":"string"},"minItems":2},
         "owner":{"type":"object","properties":{"userId":{"type":"string"},"weight":{"type":["number","null"],"exclusiveMaximum":1}},"required":["userId","weight"]},
         "priority":{"anyOf":[{"type":"null"},{"type":"integer"}]}},"required":["fileName","labels","owner","priority"]}
        """);

    static readonly JsonElement PingSchema = Json("""{"type":"object","properties":{"verbose":{"type":"boolean"}}}""");

    static readonly IReadOnlyList<AIFunctionDeclaration> Tools =
    [
        AIFunctionFactory.CreateDeclaration("mcp__search__query", "Search the archive.", SearchSchema),
        AIFunctionFactory.CreateDeclaration("mcp__archive__fetch", "Fetch a document.", FetchSchema),
        AIFunctionFactory.CreateDeclaration("tag_document", "Tag a document.", TagSchema),
        AIFunctionFactory.CreateDeclaration("ping", "Check the archive answers.", PingSchema),
    ];

    [Fact]
    public async Task Offered_tools_it_asks_for_one_call_labelled_simulated_then_answers_with_what_the_tool_returned()
    {
        using var client = new SimulatedChatClient(new SimulatedProviderSettings { Seed = 3 }, TimeProvider.System);

        var transcript = await RunLoopAsync(client, Options("simulated"));

        var round = Assert.Single(transcript.Rounds);
        var call = Assert.Single(round.Calls);
        Assert.Equal("sim-call-1-1", call.CallId);
        Assert.Contains(call.Name, Tools.Select(tool => tool.Name));
        Assert.Equal(ChatFinishReason.ToolCalls, round.Response.FinishReason);
        Assert.StartsWith(SimulatedChatClient.Label, round.Response.Text, StringComparison.Ordinal);
        Assert.True(round.Response.Usage?.OutputTokenCount > 0);

        var answer = transcript.Answer;
        Assert.Equal(ChatFinishReason.Stop, answer.FinishReason);
        Assert.Empty(answer.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.StartsWith(SimulatedChatClient.Answer(Task), answer.Text, StringComparison.Ordinal);
        Assert.Contains($"{SimulatedChatClient.Label} tool {call.Name} (sim-call-1-1) returned: {ResultFor(call)}", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Usage?.InputTokenCount > round.Response.Usage?.InputTokenCount, "the results are input the model read");
    }

    [Fact]
    public async Task A_seeded_run_asks_for_the_same_calls_again()
    {
        static async Task<List<string>> CallsOfARunAsync()
        {
            var settings = new SimulatedProviderSettings { Seed = 42, ToolRounds = 3, ToolCallsPerRound = 2 };
            using var client = new SimulatedChatClient(settings, TimeProvider.System);
            var transcript = await RunLoopAsync(client, Options("simulated"));
            return [.. transcript.Rounds.SelectMany(r => r.Calls).Select(c => $"{c.CallId} {c.Name} {JsonSerializer.Serialize(c.Arguments)}")];
        }

        var first = await CallsOfARunAsync();
        var second = await CallsOfARunAsync();

        Assert.Equal(6, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(["sim-call-1-1", "sim-call-1-2", "sim-call-2-1", "sim-call-2-2", "sim-call-3-1", "sim-call-3-2"], first.Select(c => c.Split(' ')[0]));
    }

    [Fact]
    public async Task Different_seeds_draw_different_tools()
    {
        var firstTools = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 1; seed <= 20; seed++)
        {
            using var client = new SimulatedChatClient(new SimulatedProviderSettings { Seed = seed }, TimeProvider.System);
            var response = await client.GetResponseAsync(FirstTurn(), Options("simulated"));
            firstTools.Add(Assert.Single(CallsIn(response)).Name);
        }

        // Twenty seeds each drawing one of four tools: all twenty alike would happen about once in 10^11 runs.
        Assert.True(firstTools.Count > 1, $"every seed drew {string.Join(", ", firstTools)}");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 4)]
    [InlineData(5, 6)]
    public async Task It_asks_for_exactly_its_rounds_of_calls_then_answers(int rounds, int callsPerRound)
    {
        var settings = new SimulatedProviderSettings { Profiles = { ["busy"] = new SimulatedProfile { ToolRounds = rounds, ToolCallsPerRound = callsPerRound } } };
        using var client = new SimulatedChatClient(settings, TimeProvider.System);

        var transcript = await RunLoopAsync(client, Options("busy"));

        Assert.Equal(rounds, transcript.Rounds.Count);
        Assert.All(transcript.Rounds, round => Assert.Equal(callsPerRound, round.Calls.Count));
        Assert.All(transcript.Rounds.Select((round, i) => (round, i)), pair =>
            Assert.Equal(Enumerable.Range(1, callsPerRound).Select(n => $"sim-call-{pair.i + 1}-{n}"), pair.round.Calls.Select(c => c.CallId)));
        // More calls than the four tools offered: each tool before any is called again.
        Assert.All(transcript.Rounds, round => Assert.Equal(Math.Min(callsPerRound, Tools.Count), round.Calls.Select(c => c.Name).Distinct().Count()));
        var mentioned = Math.Min(rounds * callsPerRound, SimulatedToolUse.MentionedResults);
        var lines = transcript.Answer.Text.Split('\n');
        Assert.Equal(mentioned, lines.Count(line => line.Contains(" returned: result ", StringComparison.Ordinal)));
        Assert.Equal(rounds * callsPerRound > mentioned, transcript.Answer.Text.Contains("more tool results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_argument_it_makes_is_valid_for_its_tools_schema()
    {
        var settings = new SimulatedProviderSettings { Seed = 9, ToolRounds = 2, ToolCallsPerRound = 4 };
        using var client = new SimulatedChatClient(settings, TimeProvider.System);

        var transcript = await RunLoopAsync(client, Options("simulated"));

        var calls = transcript.Rounds.SelectMany(r => r.Calls).ToList();
        Assert.Equal(Tools.Select(t => t.Name).Order(), calls.Select(c => c.Name).Distinct().Order());
        foreach (var call in calls)
        {
            var schema = Tools.Single(tool => tool.Name == call.Name).JsonSchema;
            var arguments = JsonSerializer.SerializeToElement(call.Arguments);
            Assert.Empty(JsonSchemaCheck.Violations(schema, arguments));
            var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToList() : [];
            Assert.Equal(required.Order(), arguments.EnumerateObject().Select(p => p.Name).Order());
        }
    }

    [Fact]
    public void Arguments_follow_the_schema_key_like_strings_get_keys_and_others_the_prompt()
    {
        var search = Arguments(SearchSchema, "salt-a");
        var fetch = Arguments(FetchSchema, "salt-a");
        var tag = Arguments(TagSchema, "salt-a");

        Assert.Equal(Task, search.GetProperty("query").GetString());
        Assert.Equal(5, search.GetProperty("limit").GetInt32());
        Assert.True(search.GetProperty("exact").GetBoolean());
        Assert.False(search.TryGetProperty("note", out _), "an optional property is left out");
        Assert.Matches("^sim-[0-9a-f]{8}$", fetch.GetProperty("document_id").GetString());
        Assert.StartsWith("https://example.com/sim-", fetch.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("markdown", fetch.GetProperty("format").GetString());
        Assert.Matches("^sim-[0-9a-f]{8}$", tag.GetProperty("fileName").GetString());
        Assert.Equal(2, tag.GetProperty("labels").GetArrayLength());
        Assert.Matches("^sim-[0-9a-f]{8}$", tag.GetProperty("owner").GetProperty("userId").GetString());
        Assert.True(tag.GetProperty("owner").GetProperty("weight").GetDouble() < 1);
        Assert.Equal(1, tag.GetProperty("priority").GetInt32());
        Assert.Empty(JsonSchemaCheck.Violations(TagSchema, tag));
        Assert.Equal(tag.GetRawText(), Arguments(TagSchema, "salt-a").GetRawText());
        Assert.NotEqual(fetch.GetProperty("document_id").GetString(), Arguments(FetchSchema, "salt-b").GetProperty("document_id").GetString());
    }

    [Fact]
    public void The_schema_check_the_tests_rely_on_finds_what_is_wrong()
    {
        var wrong = Json("""{"fileName":"far-too-long-for-it","labels":["one"],"owner":{"weight":"heavy"},"priority":"high"}""");

        var violations = JsonSchemaCheck.Violations(TagSchema, wrong);

        Assert.Contains("$.fileName is longer than 12", violations);
        Assert.Contains("$.labels has 1 items, fewer than 2", violations);
        Assert.Contains("$.owner.userId is required but missing", violations);
        Assert.Contains("$.owner.weight is a String, not number or null", violations);
        Assert.Contains("$.priority matches none of its anyOf alternatives", violations);
    }

    [Fact]
    public async Task Zero_rounds_never_calls_a_tool_and_answers_as_without_tools()
    {
        using var client = new SimulatedChatClient(new SimulatedProviderSettings { ToolRounds = 0 }, TimeProvider.System);

        var withTools = await client.GetResponseAsync(FirstTurn(), Options("simulated"));
        var withoutTools = await client.GetResponseAsync(FirstTurn(), new ChatOptions { ModelId = "simulated" });

        Assert.Empty(CallsIn(withTools));
        Assert.Equal(ChatFinishReason.Stop, withTools.FinishReason);
        Assert.Equal(withoutTools.Text, withTools.Text);
        Assert.Equal(SimulatedChatClient.Answer(Task), withTools.Text);
    }

    [Fact]
    public async Task A_tool_mode_of_none_offers_nothing_and_a_required_tool_is_the_one_called()
    {
        var settings = new SimulatedProviderSettings { ToolCallsPerRound = 3 };
        using var client = new SimulatedChatClient(settings, TimeProvider.System);
        var none = Options("simulated");
        none.ToolMode = ChatToolMode.None;
        var required = Options("simulated");
        required.ToolMode = ChatToolMode.RequireSpecific("ping");

        var unasked = await client.GetResponseAsync(FirstTurn(), none);
        var pinged = await client.GetResponseAsync(FirstTurn(), required);

        Assert.Empty(CallsIn(unasked));
        Assert.Equal(["ping", "ping", "ping"], CallsIn(pinged).Select(c => c.Name));
        Assert.All(CallsIn(pinged), call => Assert.Empty(call.Arguments!));
    }

    [Fact]
    public async Task A_tool_turn_fails_at_the_failure_rate_like_any_other()
    {
        using var client = new SimulatedChatClient(new SimulatedProviderSettings { FailureRate = 1 }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ProviderFaultException>(() => client.GetResponseAsync(FirstTurn(), Options("simulated")));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_streamed_tool_turn_carries_the_same_calls()
    {
        var settings = new SimulatedProviderSettings { Seed = 5, ToolCallsPerRound = 2 };
        using var streaming = new SimulatedChatClient(settings, TimeProvider.System);
        using var whole = new SimulatedChatClient(settings, TimeProvider.System);

        var streamed = (await streaming.GetStreamingResponseAsync(FirstTurn(), Options("simulated")).ToListAsync()).ToChatResponse();
        var answered = await whole.GetResponseAsync(FirstTurn(), Options("simulated"));

        Assert.Equal(ChatFinishReason.ToolCalls, streamed.FinishReason);
        Assert.Equal(CallsIn(answered).Select(c => (c.CallId, c.Name)), CallsIn(streamed).Select(c => (c.CallId, c.Name)));
    }

    [Fact]
    public async Task Through_the_provider_stack_the_tool_turn_is_marked_simulated_and_counted()
    {
        using var catalog = new ProviderCatalog(new ProvidersSettings(), TimeProvider.System, new ProviderMetrics());

        var response = await catalog.GetClient(new ProviderSettings("simulated", "simulated")).GetResponseAsync(FirstTurn(), Options("ignored-by-the-route"));

        Assert.Single(CallsIn(response));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(new ModelCallReceipt("simulated", Simulated: true), ModelCallReceipt.Of(response));
        Assert.Equal(14, response.Usage?.InputTokenCount);
    }

    [Fact]
    public void A_voter_still_recognises_the_right_answer_when_tool_results_follow_it()
    {
        var question = $"{Instructions}\n{Task}";
        var withResults = SimulatedChatClient.Answer(question) + $"\n{SimulatedChatClient.Label} tool ping (sim-call-1-1) returned: pong";

        var choice = SimulatedChatClient.RightChoice(question, [SimulatedChatClient.WrongAnswer(question, 0), withResults]);

        Assert.Equal(withResults, choice);
    }

    static ChatOptions Options(string model) =>
        new ModelCallContext("archivist-1").AttachTo(new ChatOptions { ModelId = model, Tools = [.. Tools], ToolMode = ChatToolMode.Auto });

    static List<ChatMessage> FirstTurn() => [new(ChatRole.System, Instructions), new(ChatRole.User, Task)];

    static List<FunctionCallContent> CallsIn(ChatResponse response) => [.. response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()];

    static string ResultFor(FunctionCallContent call) => $"result {call.CallId} of {call.Name}";

    static JsonElement Arguments(JsonElement schema, string salt) =>
        JsonSerializer.SerializeToElement(SimulatedArguments.For(schema, Task, salt));

    /// <summary>
    /// The agent loop in miniature: while the model asks for tools, its calls go back as an assistant message and a
    /// result for each as one tool message; stops at the first answer without calls (or after 50 rounds, to end a bug).
    /// </summary>
    static async Task<Transcript> RunLoopAsync(SimulatedChatClient client, ChatOptions options)
    {
        var conversation = FirstTurn();
        var rounds = new List<Round>();
        for (var turn = 0; turn < 50; turn++)
        {
            var response = await client.GetResponseAsync(conversation, options);
            var calls = CallsIn(response);
            if (calls.Count == 0)
            {
                return new Transcript(rounds, response);
            }

            rounds.Add(new Round(response, calls));
            conversation.Add(new ChatMessage(ChatRole.Assistant, [.. calls]));
            conversation.Add(new ChatMessage(ChatRole.Tool, [.. calls.Select(call => new FunctionResultContent(call.CallId, ResultFor(call)))]));
        }

        throw new InvalidOperationException("The model was still calling tools after 50 rounds.");
    }

    static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    sealed record Round(ChatResponse Response, List<FunctionCallContent> Calls);

    sealed record Transcript(List<Round> Rounds, ChatResponse Answer);
}
