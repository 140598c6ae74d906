using System.Text.Json;
using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Providers.Tests.Fakes;
using Swarm.Workflows.Models;
using static Swarm.Providers.Tests.ToolConversation;

namespace Swarm.Providers.Tests;

/// <summary>
/// A tool round through the whole provider stack and each vendor's real SDK: the tools and the instructions reach the
/// vendor in its own format, its tool calls come back as <see cref="FunctionCallContent"/>, and the calls and their
/// results go back to it in its own format on the next turn. The assertions read the JSON each fake vendor received.
/// </summary>
public sealed class VendorToolCallTests : IAsyncLifetime
{
    const decimal InputPrice = 3m;
    const decimal OutputPrice = 15m;

    FakeVendorServer server = null!;
    ProviderCatalog? catalog;

    public async Task InitializeAsync() => server = await FakeVendorServer.StartAsync();

    public async Task DisposeAsync()
    {
        catalog?.Dispose();
        await server.DisposeAsync();
    }

    [Theory]
    [InlineData("openai", "/v1/chat/completions")]
    [InlineData("qwen", "/compatible-mode/v1/chat/completions")]
    [InlineData("custom", "/gateway/v1/chat/completions")]
    [InlineData("local", "/v1/chat/completions")]
    public async Task OpenAI_compatible_providers_carry_a_tool_round_in_the_chat_completions_format(string type, string path)
    {
        var client = ClientFor(type, localApi: "openai");
        server.Enqueue(FakeReply.ToolCalls([ParisForecast, NordicAlerts], inputTokens: 1000, outputTokens: 200), FakeReply.Text("Paris is warmer."));

        var asking = await client.GetResponseAsync(FirstTurn(), Options());
        var calls = AssertAsksForBothTools(asking, type);
        var answer = await client.GetResponseAsync(AfterToolRound(calls, Results()), Options());

        Assert.Equal("Paris is warmer.", answer.Text);
        Assert.All(server.Requests, request => Assert.Equal(path, request.Path));
        AssertCallContextStaysHome();

        // The first request: the instructions as the system message, each tool as a function with its schema.
        var first = Body(server.Requests[0]);
        var system = first.GetProperty("messages")[0];
        Assert.Equal("system", system.GetProperty("role").GetString());
        Assert.Equal(Instructions, TextOf(system.GetProperty("content")));
        Assert.Equal(Question, TextOf(first.GetProperty("messages")[1].GetProperty("content")));
        var tools = first.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(2, tools.Count);
        Assert.All(tools, tool => Assert.Equal("function", tool.GetProperty("type").GetString()));
        AssertDeclares(tools[0].GetProperty("function"), ForecastTool, ForecastDescription, "parameters");
        AssertDeclares(tools[1].GetProperty("function"), AlertsTool, AlertsDescription, "parameters");
        Assert.Equal("auto", first.GetProperty("tool_choice").GetString());

        // The follow-up: the assistant's tool_calls with their ids, then one role "tool" message per result.
        var messages = Body(server.Requests[1]).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant", "tool", "tool"], messages.Select(m => m.GetProperty("role").GetString()));
        var sent = messages[2].GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal([ParisForecast.Id, NordicAlerts.Id], sent.Select(call => call.GetProperty("id").GetString()));
        Assert.All(sent, call => Assert.Equal("function", call.GetProperty("type").GetString()));
        Assert.Equal([ForecastTool, AlertsTool], sent.Select(call => call.GetProperty("function").GetProperty("name").GetString()));
        Assert.True(SameJson(ParisForecast.ArgumentsJson, sent[0].GetProperty("function").GetProperty("arguments").GetString()!));
        Assert.True(SameJson(NordicAlerts.ArgumentsJson, sent[1].GetProperty("function").GetProperty("arguments").GetString()!));
        Assert.Equal([ParisForecast.Id, NordicAlerts.Id], messages[3..].Select(m => m.GetProperty("tool_call_id").GetString()));
        Assert.Equal([ParisResult, AlertsResult], messages[3..].Select(m => TextOf(m.GetProperty("content"))));
    }

    [Fact]
    public async Task Claude_carries_a_tool_round_in_the_messages_format_with_the_instructions_as_its_system_prompt()
    {
        var client = ClientFor("claude");
        server.Enqueue(FakeReply.ToolCalls([ParisForecast, NordicAlerts], inputTokens: 1000, outputTokens: 200), FakeReply.Text("Paris is warmer."));

        var asking = await client.GetResponseAsync(FirstTurn(), Options());
        var calls = AssertAsksForBothTools(asking, "claude");
        var answer = await client.GetResponseAsync(AfterToolRound(calls, Results()), Options());

        Assert.Equal("Paris is warmer.", answer.Text);
        Assert.All(server.Requests, request => Assert.Equal("/v1/messages", request.Path));
        AssertCallContextStaysHome();

        // The first request: the instructions in the top-level "system", never as a message; tools with input_schema.
        var first = Body(server.Requests[0]);
        Assert.Equal(Instructions, TextOf(first.GetProperty("system")));
        var firstMessages = first.GetProperty("messages").EnumerateArray().ToList();
        var task = Assert.Single(firstMessages);
        Assert.Equal("user", task.GetProperty("role").GetString());
        Assert.Equal(Question, TextOf(task.GetProperty("content")));
        var tools = first.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(2, tools.Count);
        AssertDeclares(tools[0], ForecastTool, ForecastDescription, "input_schema");
        AssertDeclares(tools[1], AlertsTool, AlertsDescription, "input_schema");
        Assert.Equal("auto", first.GetProperty("tool_choice").GetProperty("type").GetString());

        // The follow-up: tool_use blocks in the assistant's turn, then tool_result blocks in one user message.
        var followUp = Body(server.Requests[1]);
        Assert.Equal(Instructions, TextOf(followUp.GetProperty("system")));
        var messages = followUp.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var uses = messages[1].GetProperty("content").EnumerateArray().ToList();
        Assert.All(uses, block => Assert.Equal("tool_use", block.GetProperty("type").GetString()));
        Assert.Equal([ParisForecast.Id, NordicAlerts.Id], uses.Select(block => block.GetProperty("id").GetString()));
        Assert.Equal([ForecastTool, AlertsTool], uses.Select(block => block.GetProperty("name").GetString()));
        Assert.True(SameJson(ParisForecast.ArgumentsJson, uses[0].GetProperty("input").GetRawText()));
        Assert.True(SameJson(NordicAlerts.ArgumentsJson, uses[1].GetProperty("input").GetRawText()));
        var results = messages[2].GetProperty("content").EnumerateArray().ToList();
        Assert.All(results, block => Assert.Equal("tool_result", block.GetProperty("type").GetString()));
        Assert.Equal([ParisForecast.Id, NordicAlerts.Id], results.Select(block => block.GetProperty("tool_use_id").GetString()));
        Assert.Equal([ParisResult, AlertsResult], results.Select(block => TextOf(block.GetProperty("content"))));
    }

    [Fact]
    public async Task Claude_is_told_which_results_are_errors_when_the_result_carries_the_exception()
    {
        var client = ClientFor("claude");
        var call = new FunctionCallContent(ParisForecast.Id, ForecastTool, new Dictionary<string, object?> { ["city"] = "Paris" });
        var conversation = AfterToolRound([call], Results());
        conversation[^1] = new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "The forecast server timed out.") { Exception = new TimeoutException("timed out") }]);

        await client.GetResponseAsync(conversation, Options());

        var result = Body(server.Requests.Single()).GetProperty("messages")[2].GetProperty("content")[0];
        Assert.Equal("tool_result", result.GetProperty("type").GetString());
        Assert.True(result.GetProperty("is_error").GetBoolean());
        Assert.Equal("The forecast server timed out.", TextOf(result.GetProperty("content")));
    }

    [Fact]
    public async Task Ollama_carries_a_tool_round_in_its_chat_format_and_keeps_the_ids_it_gives_the_calls()
    {
        var client = ClientFor("local", localApi: "ollama");
        server.Enqueue(FakeReply.ToolCalls([ParisForecast, NordicAlerts], inputTokens: 1000, outputTokens: 200), FakeReply.Text("Paris is warmer."));

        var asking = await client.GetResponseAsync(FirstTurn(), Options());
        var calls = AssertAsksForBothTools(asking, "local");
        var answer = await client.GetResponseAsync(AfterToolRound(calls, Results()), Options());

        Assert.Equal("Paris is warmer.", answer.Text);
        Assert.All(server.Requests, request => Assert.Equal("/api/chat", request.Path));
        AssertCallContextStaysHome();

        // The first request: the instructions as the system message, each tool as a function with its schema.
        var first = Body(server.Requests[0]);
        var system = first.GetProperty("messages")[0];
        Assert.Equal("system", system.GetProperty("role").GetString());
        Assert.Equal(Instructions, system.GetProperty("content").GetString());
        var tools = first.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(2, tools.Count);
        Assert.All(tools, tool => Assert.Equal("function", tool.GetProperty("type").GetString()));
        AssertDeclares(tools[0].GetProperty("function"), ForecastTool, ForecastDescription, "parameters");
        AssertDeclares(tools[1].GetProperty("function"), AlertsTool, AlertsDescription, "parameters");

        // The follow-up: the assistant's tool_calls (arguments as objects), then a role "tool" message per result,
        // its content the tool's output as it is and tool_name saying which tool gave it, as Ollama's docs show.
        var messages = Body(server.Requests[1]).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant", "tool", "tool"], messages.Select(m => m.GetProperty("role").GetString()));
        var sent = messages[2].GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal([ForecastTool, AlertsTool], sent.Select(call => call.GetProperty("function").GetProperty("name").GetString()));
        Assert.True(SameJson(ParisForecast.ArgumentsJson, sent[0].GetProperty("function").GetProperty("arguments").GetRawText()));
        Assert.True(SameJson(NordicAlerts.ArgumentsJson, sent[1].GetProperty("function").GetProperty("arguments").GetRawText()));
        Assert.Equal([ParisForecast.Id, NordicAlerts.Id], sent.Select(call => call.GetProperty("id").GetString()));
        Assert.Equal([ParisResult, AlertsResult], messages[3..].Select(m => m.GetProperty("content").GetString()));
        Assert.Equal([ForecastTool, AlertsTool], messages[3..].Select(m => m.GetProperty("tool_name").GetString()));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("local")]
    public async Task A_streamed_tool_call_is_read_whole_and_ends_with_its_accounting(string type)
    {
        var client = ClientFor(type, localApi: "ollama");
        server.Enqueue(FakeReply.ToolCalls([ParisForecast, NordicAlerts], preamble: "Let me check.", inputTokens: 1000, outputTokens: 200));

        var updates = await client.GetStreamingResponseAsync(FirstTurn(), Options()).ToListAsync();

        Assert.True(server.Requests.Single().Stream);
        var response = updates.ToChatResponse();
        Assert.Equal("Let me check.", response.Text);
        AssertAsksForBothTools(response, type, receipt: ModelCallReceipt.Of(updates[^1].AdditionalProperties));
    }

    [Fact]
    public async Task A_fallback_route_gets_the_same_tools_and_tool_history_in_its_own_format()
    {
        var settings = ProviderStack.Settings(server);
        settings.OpenAi.MaxRetries = 0;
        settings.OpenAi.Fallback = ["claude:m-priced"];
        catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Status(503), FakeReply.ToolCalls([NordicAlerts], inputTokens: 1000, outputTokens: 200));
        var earlier = new FunctionCallContent(ParisForecast.Id, ForecastTool, new Dictionary<string, object?> { ["city"] = "Paris" });

        var response = await catalog.GetClient(new ProviderSettings("openai", "m-priced")).GetResponseAsync(AfterToolRound([earlier], Results()), Options());

        Assert.Equal(["/v1/chat/completions", "/v1/messages"], server.Requests.Select(r => r.Path));
        var call = Assert.Single(response.Messages[^1].Contents.OfType<FunctionCallContent>());
        Assert.Equal((NordicAlerts.Id, AlertsTool), (call.CallId, call.Name));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var receipt = ModelCallReceipt.Of(response)!;
        Assert.Equal("claude", receipt.Provider);
        Assert.Contains("openai:m-priced", Assert.Single(receipt.FallbackFrom!), StringComparison.Ordinal);
        var fallback = Body(server.Requests[1]);
        Assert.Equal([ForecastTool, AlertsTool], fallback.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()));
        Assert.Equal(Instructions, TextOf(fallback.GetProperty("system")));
        var messages = fallback.GetProperty("messages");
        Assert.Equal(ParisForecast.Id, messages[1].GetProperty("content")[0].GetProperty("id").GetString());
        Assert.Equal(ParisForecast.Id, messages[2].GetProperty("content")[0].GetProperty("tool_use_id").GetString());
    }

    /// <summary>Who is calling travels on the options for the stack; a vendor would refuse it as an unknown field.</summary>
    void AssertCallContextStaysHome() =>
        Assert.All(server.Requests, request => Assert.DoesNotContain(AgentId, request.Body, StringComparison.Ordinal));

    IChatClient ClientFor(string type, string localApi = "ollama")
    {
        var settings = ProviderStack.Settings(server);
        settings.Local.Api = localApi;
        if (localApi == "openai")
        {
            settings.Local.BaseUrl = new Uri(server.BaseUri, "v1/").ToString();
        }

        catalog = ProviderStack.Catalog(settings);
        return catalog.GetClient(new ProviderSettings(type, "m-priced"));
    }

    /// <summary>
    /// The response asks for the two calls the fake made, with the vendor's ids, the tools' names and the arguments as
    /// sent; says it stopped for tools; and is accounted like any other turn (1000 tokens in, 200 out, at the test price).
    /// </summary>
    static List<FunctionCallContent> AssertAsksForBothTools(ChatResponse response, string provider, ModelCallReceipt? receipt = null)
    {
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var calls = response.Messages[^1].Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal([ParisForecast.Id, NordicAlerts.Id], calls.Select(call => call.CallId));
        Assert.Equal([ForecastTool, AlertsTool], calls.Select(call => call.Name));
        Assert.True(SameJson(ParisForecast.ArgumentsJson, ArgumentsJson(calls[0])), ArgumentsJson(calls[0]));
        Assert.True(SameJson(NordicAlerts.ArgumentsJson, ArgumentsJson(calls[1])), ArgumentsJson(calls[1]));
        Assert.Equal(1000, response.Usage?.InputTokenCount);
        Assert.Equal(200, response.Usage?.OutputTokenCount);
        receipt ??= ModelCallReceipt.Of(response);
        Assert.Equal(provider, receipt?.Provider);
        Assert.Equal(((1000 * InputPrice) + (200 * OutputPrice)) / 1_000_000m, receipt?.CostUsd);
        return calls;
    }

    /// <summary>A declared tool: its name, description, and its schema under the vendor's key, types and required kept.</summary>
    static void AssertDeclares(JsonElement tool, string name, string description, string schemaKey)
    {
        Assert.Equal(name, tool.GetProperty("name").GetString());
        Assert.Equal(description, tool.GetProperty("description").GetString());
        var schema = tool.GetProperty(schemaKey);
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var properties = schema.GetProperty("properties");
        if (name == ForecastTool)
        {
            Assert.Equal("string", properties.GetProperty("city").GetProperty("type").GetString());
            Assert.Equal("integer", properties.GetProperty("days").GetProperty("type").GetString());
            Assert.Equal(["city"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        }
        else
        {
            Assert.Equal("array", properties.GetProperty("levels").GetProperty("type").GetString());
            Assert.Equal(["red", "amber", "yellow"], properties.GetProperty("levels").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["region", "levels"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        }
    }

    static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.Clone();

    /// <summary>A message's text, whether the SDK sent it as a string or as a list of text blocks (both are the vendor's format).</summary>
    static string TextOf(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(block =>
        {
            Assert.Equal("text", block.GetProperty("type").GetString());
            return block.GetProperty("text").GetString();
        }));
}
