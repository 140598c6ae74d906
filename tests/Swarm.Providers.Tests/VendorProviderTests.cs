using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Providers.Configuration;
using Swarm.Providers.Tests.Fakes;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tests;

/// <summary>Each provider type through the whole stack and its vendor's real SDK, against a server speaking that vendor's wire format.</summary>
public sealed class VendorProviderTests : IAsyncLifetime
{
    FakeVendorServer server = null!;

    public async Task InitializeAsync() => server = await FakeVendorServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("openai", "ollama", "/v1/chat/completions", "Bearer " + ProviderStack.OpenAiKey)]
    [InlineData("qwen", "ollama", "/compatible-mode/v1/chat/completions", "Bearer " + ProviderStack.QwenKey)]
    [InlineData("claude", "ollama", "/v1/messages", null)]
    [InlineData("local", "ollama", "/api/chat", null)]
    [InlineData("local", "openai", "/v1/chat/completions", "Bearer no-key")]
    [InlineData("custom", "ollama", "/gateway/v1/chat/completions", "Bearer " + ProviderStack.CustomKey)]
    public async Task Each_provider_answers_through_its_sdk_with_tokens_and_cost(string type, string localApi, string path, string? authorization)
    {
        var settings = ProviderStack.Settings(server);
        settings.Local.Api = localApi;
        if (localApi == "openai")
        {
            settings.Local.BaseUrl = new Uri(server.BaseUri, "v1/").ToString();
        }

        using var catalog = ProviderStack.Catalog(settings);
        server.Enqueue(FakeReply.Text("Bees pollinate crops.", inputTokens: 1000, outputTokens: 200));

        var response = await catalog.GetClient(new ProviderSettings(type, "m-priced")).GetResponseAsync("Why do bees matter?");

        Assert.Equal("Bees pollinate crops.", response.Text);
        Assert.Equal(1000, response.Usage?.InputTokenCount);
        Assert.Equal(200, response.Usage?.OutputTokenCount);
        Assert.Equal(((1000 * 3m) + (200 * 15m)) / 1_000_000m, ModelCallReceipt.Of(response)?.CostUsd);
        Assert.Equal(type, ModelCallReceipt.Of(response)?.Provider);
        var request = Assert.Single(server.Requests);
        Assert.Equal(path, request.Path);
        Assert.Contains("\"m-priced\"", request.Body, StringComparison.Ordinal);
        if (authorization is not null)
        {
            Assert.Equal(authorization, request.Headers["authorization"]);
        }

        if (type == "custom")
        {
            Assert.Equal("team-a", request.Headers["x-gateway-tenant"]);
        }
    }

    [Fact]
    public async Task A_model_without_a_price_is_reported_without_a_cost()
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));

        var response = await catalog.GetClient(new ProviderSettings("openai", "m-unpriced")).GetResponseAsync("x");

        Assert.Null(ModelCallReceipt.Of(response)?.CostUsd);
        Assert.Equal(11, response.Usage?.InputTokenCount);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("local")]
    public async Task A_streamed_completion_arrives_in_pieces_and_ends_with_its_accounting(string type)
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));
        server.Enqueue(FakeReply.Text("Streaming works across three chunks.", inputTokens: 40, outputTokens: 8));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in catalog.GetClient(new ProviderSettings(type, "m-priced")).GetStreamingResponseAsync("Stream please"))
        {
            updates.Add(update);
        }

        Assert.Equal("Streaming works across three chunks.", string.Concat(updates.Select(u => u.Text)));
        var aggregated = updates.ToChatResponse();
        Assert.Equal(40, aggregated.Usage?.InputTokenCount);
        Assert.Equal(8, aggregated.Usage?.OutputTokenCount);
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 2, "the text should come in more than one update");
        Assert.True(server.Requests.Single().Stream);
        var accounting = updates[^1].AdditionalProperties!;
        Assert.Equal(type, ModelCallReceipt.Of(accounting)?.Provider);
        Assert.Equal(((40 * 3m) + (8 * 15m)) / 1_000_000m, ModelCallReceipt.Of(accounting)?.CostUsd);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("local")]
    public async Task Json_output_is_read_into_a_record(string type)
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));
        server.Enqueue(FakeReply.Text("""{"choice":"B","confidence":0.8,"rationale":"B cites sources."}"""));

        var (ballot, _) = await StructuredReplies.GetAsync<Ballot>(
            catalog.GetClient(new ProviderSettings(type, "m-priced")), [new ChatMessage(ChatRole.User, "Vote A or B")], null, CancellationToken.None);

        Assert.Equal(new Ballot("B", 0.8, "B cites sources."), ballot);
        // OpenAI's wire format asks for the schema as response_format; Ollama's as format.
        var body = server.Requests.Single().Body;
        if (type == "openai")
        {
            Assert.Contains("json_schema", body, StringComparison.Ordinal);
        }
        else if (type == "local")
        {
            Assert.Contains("\"format\":{", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Output_that_is_not_the_json_asked_for_fails_naming_the_type_and_quoting_it()
    {
        using var catalog = ProviderStack.Catalog(ProviderStack.Settings(server));
        server.Enqueue(FakeReply.Text("I think B is better."));

        var error = await Assert.ThrowsAsync<ModelCallRejectedException>(() => StructuredReplies.GetAsync<Ballot>(
            catalog.GetClient(new ProviderSettings("openai", "m")), [new ChatMessage(ChatRole.User, "Vote A or B")], null, CancellationToken.None));

        Assert.Contains("not a Ballot", error.Message, StringComparison.Ordinal);
        Assert.Contains("I think B is better.", error.Message, StringComparison.Ordinal);
    }

    public sealed record Ballot(string Choice, double Confidence, string Rationale);
}
