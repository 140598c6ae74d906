using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using OllamaSharp.Models.Exceptions;

namespace Swarm.Providers.Tests.Fakes;

/// <summary>
/// Proves the fake speaks each vendor's wire format well enough for the vendor's own SDK: completions, streams,
/// rate-limit errors and hangs go through the real client code, not a mock of it.
/// </summary>
public sealed class FakeVendorServerTests
{
    static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(300);
    static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);

    // ---- OpenAI Chat Completions ----

    [Fact]
    public async Task OpenAI_sdk_reads_a_completion_with_its_usage()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("Hello from the fake", inputTokens: 21, outputTokens: 5));
        using var client = VendorSdkClients.OpenAI(server);

        var response = await client.GetResponseAsync("Say hello");

        Assert.Equal("Hello from the fake", response.Text);
        Assert.Equal(21, response.Usage?.InputTokenCount);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {VendorSdkClients.OpenAIKey}", request.Headers["Authorization"]);
        Assert.Equal(VendorSdkClients.OpenAIModel, ModelIn(request));
        Assert.False(request.Stream);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    public async Task Each_sdk_reads_a_streamed_completion_with_usage(string vendor)
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("Streaming works fine", inputTokens: 13, outputTokens: 4));
        using var client = VendorSdkClients.For(vendor, server);

        var updates = await client.GetStreamingResponseAsync("Stream please").ToListAsync();

        var response = updates.ToChatResponse();
        Assert.Equal("Streaming works fine", response.Text);
        Assert.True(updates.Count(update => update.Text.Length > 0) > 1, "the text should arrive in several deltas");
        Assert.Equal(13, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Stream);
        if (vendor == "openai")
        {
            // Chat Completions reports usage in a stream only when asked to.
            Assert.True(JsonDocument.Parse(request.Body).RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        }
    }

    [Fact]
    public async Task OpenAI_sdk_throws_on_a_429_without_retrying()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Status(429, TimeSpan.FromSeconds(7)));
        using var client = VendorSdkClients.OpenAI(server);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync("Too fast"));

        Assert.Equal(429, error.Status);
        Assert.Contains("rate_limit_exceeded", error.Message, StringComparison.Ordinal);
        Assert.True(error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.Equal("7", retryAfter);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    public async Task Each_sdk_call_to_a_hung_server_ends_when_cancelled(string vendor)
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Hang());
        using var client = VendorSdkClients.For(vendor, server);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetResponseAsync("Anyone there?", cancellationToken: cancellation.Token);
        await ArrivalOfRequestAsync(server);
        var clock = Stopwatch.StartNew();
        cancellation.CancelAfter(CancelAfter);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(clock.Elapsed < Prompt, $"the call took {clock.Elapsed} to end after cancellation");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task OpenAI_format_is_served_under_a_prefixed_base_path()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("from qwen"));
        using var client = VendorSdkClients.OpenAI(server, basePath: "compatible-mode/v1/");

        var response = await client.GetResponseAsync("Hi");

        Assert.Equal("from qwen", response.Text);
        Assert.Equal("/compatible-mode/v1/chat/completions", Assert.Single(server.Requests).Path);
    }

    // ---- Anthropic Messages ----

    [Fact]
    public async Task Anthropic_sdk_reads_a_message_with_its_usage()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("Hello from Claude's fake", inputTokens: 17, outputTokens: 6));
        using var client = VendorSdkClients.Anthropic(server);

        var response = await client.GetResponseAsync("Say hello");

        Assert.Equal("Hello from Claude's fake", response.Text);
        Assert.Equal(17, response.Usage?.InputTokenCount);
        Assert.Equal(6, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        // This SDK version sends the API key as a bearer token, not as x-api-key.
        Assert.Equal($"Bearer {VendorSdkClients.AnthropicKey}", request.Headers["authorization"]);
        Assert.False(string.IsNullOrEmpty(request.Headers["anthropic-version"]));
        Assert.Equal(VendorSdkClients.AnthropicModel, ModelIn(request));
        Assert.False(request.Stream);
    }

    [Fact]
    public async Task Anthropic_sdk_throws_a_rate_limit_exception_on_a_429_without_retrying()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Status(429, TimeSpan.FromSeconds(7)));
        using var client = VendorSdkClients.Anthropic(server);

        var error = await Assert.ThrowsAsync<AnthropicRateLimitException>(() => client.GetResponseAsync("Too fast"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("rate_limit_error", error.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("Fake vendor error 429.", error.ApiMessage);
        Assert.StartsWith("req_", error.RequestID, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    // ---- Ollama chat ----

    [Fact]
    public async Task Ollama_sdk_reads_a_completion_with_its_usage()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("Hello from llama's fake", inputTokens: 19, outputTokens: 8));
        using var client = VendorSdkClients.Ollama(server);

        var response = await client.GetResponseAsync("Say hello");

        Assert.Equal("Hello from llama's fake", response.Text);
        Assert.Equal(19, response.Usage?.InputTokenCount);
        Assert.Equal(8, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal(VendorSdkClients.OllamaModel, ModelIn(request));
        Assert.False(request.Stream);
    }

    [Fact]
    public async Task Ollama_sdk_throws_an_http_exception_with_the_status_on_a_429_without_retrying()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Status(429, TimeSpan.FromSeconds(7)));
        using var client = VendorSdkClients.Ollama(server);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("Too fast"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Ollama_sdk_reads_the_error_body_of_a_400()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Status(400));
        using var client = VendorSdkClients.Ollama(server);

        var error = await Assert.ThrowsAsync<OllamaException>(() => client.GetResponseAsync("Bad"));

        Assert.Equal("fake vendor error 400", error.Message);
    }

    // ---- The server itself ----

    [Fact]
    public async Task Replies_are_taken_in_arrival_order_whatever_the_vendor_then_ok_is_the_default()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("first"), FakeReply.Text("second"));
        using var openAI = VendorSdkClients.OpenAI(server);
        using var ollama = VendorSdkClients.Ollama(server);
        using var anthropic = VendorSdkClients.Anthropic(server);

        var first = await openAI.GetResponseAsync("1");
        var second = await ollama.GetResponseAsync("2");
        var third = await anthropic.GetResponseAsync("3");

        Assert.Equal(["first", "second", "ok"], [first.Text, second.Text, third.Text]);
        Assert.Equal(["/v1/chat/completions", "/api/chat", "/v1/messages"], server.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task Unknown_path_gets_a_404_and_is_recorded_without_taking_a_reply()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("kept"));
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var response = await http.PostAsync(new Uri("v1/images/generations", UriKind.Relative), new StringContent("{}"));
        using var chat = VendorSdkClients.OpenAI(server);
        var next = await chat.GetResponseAsync("Hi");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("kept", next.Text);
        Assert.Equal("/v1/images/generations", server.Requests[0].Path);
    }

    [Fact]
    public async Task Embeddings_answer_plain_floats_for_each_input_and_take_no_queued_reply()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Text("kept"));
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var response = await http.PostAsync(
            new Uri("v1/embeddings", UriKind.Relative),
            new StringContent("""{"model":"text-embedding-3-small","input":["red apples","red apples"],"dimensions":8}"""));
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var chat = VendorSdkClients.OpenAI(server);
        var next = await chat.GetResponseAsync("Hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, data.Count);
        Assert.Equal(FakeEmbeddings.VectorOf("red apples", 8), data[1].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()));
        Assert.Equal("kept", next.Text);
    }

    [Fact]
    public async Task Disposing_the_server_releases_a_hung_request_promptly()
    {
        var server = await FakeVendorServer.StartAsync();
        server.Enqueue(FakeReply.Hang());
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var hung = http.PostAsync(new Uri("api/chat", UriKind.Relative), new StringContent("""{"model":"m","stream":false}"""));
        await ArrivalOfRequestAsync(server);

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => hung);
        Assert.True(clock.Elapsed < Prompt, $"the hung request took {clock.Elapsed} to be released");
    }

    /// <summary>
    /// Waits until the server has the request, so a cancellation is measured from when the call really hangs, not
    /// from a cold start of the SDK.
    /// </summary>
    static async Task ArrivalOfRequestAsync(FakeVendorServer server)
    {
        var deadline = Stopwatch.StartNew();
        while (server.Requests.Count == 0)
        {
            Assert.True(deadline.Elapsed < Prompt, "the request never reached the server");
            await Task.Delay(10);
        }
    }

    static string? ModelIn(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("model").GetString();
}
