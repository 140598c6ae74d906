using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Providers.Tests.Fakes;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Live token streams on the whole local host: a task submitted with <c>stream</c> sends its agent's text as it is
/// generated over a real WebSocket (the Web PubSub stand-in), with the vendors' own SDKs streaming from a server that
/// speaks their wire formats (server-sent events), and the simulated provider streaming on its own.
/// </summary>
public sealed class TokenStreamTests(TokenStreamTests.Host host) : IClassFixture<TokenStreamTests.Host>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public FakeVendorServer Vendor { get; private set; } = null!;

        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Vendor = await FakeVendorServer.StartAsync();
            Process = await LocalHostProcess.StartAsync(
                ("OPENAI_API_KEY", "sk-stream-test-0123456789abcdef"),
                ("providers__openai__baseUrl", new Uri(Vendor.BaseUri, "v1/").ToString()),
                ("providers__openai__maxRetries", "0"),
                ("CLAUDE_API_KEY", "sk-ant-stream-test-0123456789abcdef"),
                ("providers__claude__baseUrl", Vendor.BaseUri.ToString().TrimEnd('/')),
                ("providers__claude__maxRetries", "0"));
            foreach (var (type, model) in new[] { ("openai", "m-stream"), ("claude", "m-stream"), ("simulated", "sim") })
            {
                await TaskSubmissions.CreateAgentAsync(Process, new
                {
                    id = $"streamer-{type}",
                    name = $"streamer-{type}",
                    type = "specialist",
                    role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { $"stream-{type}" }, priority = 9 },
                    provider = new { type, model },
                    maxConcurrency = 2,
                });
            }
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            await Vendor.DisposeAsync();
        }
    }

    async Task<(List<ReceivedEvent> Events, JsonElement Task)> RunAsync(string type, string prompt, bool stream = true)
    {
        using var socket = await EventSocket.ConnectAsync(Swarm);
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, stream
            ? new { prompt, capabilities = new[] { $"stream-{type}" }, strategy = "single", stream = true }
            : (object)new { prompt, capabilities = new[] { $"stream-{type}" }, strategy = "single", notify = true });
        var events = await socket.ReadTaskAsync(id, Patience);
        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, Patience);
        Assert.True(task.GetProperty("status").GetString() == "completed", $"the task did not complete: {task}");
        return (events, task);
    }

    static List<JsonElement> Deltas(List<ReceivedEvent> events) => [.. events.Where(e => e.Type == "task_delta").Select(e => e.Data)];

    static string Joined(IEnumerable<JsonElement> deltas) => string.Concat(deltas.Select(d => d.GetProperty("text").GetString()));

    /// <summary>The deltas of one attempt are numbered 0, 1, 2 ... in the order they arrive, and only the last is final.</summary>
    static void AssertInOrder(List<JsonElement> attempt, bool ended = true)
    {
        Assert.Equal(Enumerable.Range(0, attempt.Count), attempt.Select(d => d.GetProperty("sequence").GetInt32()));
        Assert.All(attempt.SkipLast(1), d => Assert.False(d.TryGetProperty("final", out _)));
        Assert.Equal(ended, attempt[^1].TryGetProperty("final", out var final) && final.GetBoolean());
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("claude")]
    [InlineData("simulated")]
    public async Task A_streamed_answer_arrives_in_order_before_the_end_and_joins_up_to_the_durable_result(string type)
    {
        var answer = $"Streams of {type} arrive piece by piece, and joined they are the answer.";
        if (type != "simulated")
        {
            host.Vendor.Enqueue(FakeReply.Streamed(answer, pieces: 6, inputTokens: 21, outputTokens: 13));
        }

        var (events, task) = await RunAsync(type, "Tell me how streams arrive.");

        var deltas = Deltas(events);
        Assert.NotEmpty(deltas);
        Assert.Equal("task_finished", events[^1].Type);
        Assert.Single(events, e => e.Type == "task_finished");
        AssertInOrder(deltas);
        var result = task.GetProperty("result");
        Assert.Equal(result.GetProperty("text").GetString(), Joined(deltas));
        Assert.Equal(result.GetProperty("text").GetString(), events[^1].Data.GetProperty("result").GetString());
        Assert.All(deltas, d =>
        {
            Assert.Equal($"streamer-{type}", d.GetProperty("agentId").GetString());
            Assert.Equal(1, d.GetProperty("turn").GetInt32());
            Assert.Equal(deltas[0].GetProperty("attempt").GetInt64(), d.GetProperty("attempt").GetInt64());
            Assert.Equal(deltas[0].GetProperty("step").GetString(), d.GetProperty("step").GetString());
        });
        if (type == "simulated")
        {
            Assert.StartsWith("[simulated]", Joined(deltas), StringComparison.Ordinal);
        }
        else
        {
            // Streaming changes nothing durable: the text and the tokens the vendor counted, as an unstreamed call has them.
            Assert.Equal(answer, result.GetProperty("text").GetString());
            Assert.Equal(21, result.GetProperty("inputTokens").GetInt64());
            Assert.Equal(13, result.GetProperty("outputTokens").GetInt64());
            Assert.True(host.Vendor.Requests[^1].Stream);
        }
    }

    [Fact]
    public async Task A_long_fast_answer_is_batched_into_few_frames()
    {
        // 600 pieces written as fast as the server can: unbatched, 600 frames.
        var answer = string.Concat(Enumerable.Range(0, 600).Select(i => $"word{i:000} is here. "));
        host.Vendor.Enqueue(FakeReply.Streamed(answer, pieces: 600));

        var (events, task) = await RunAsync("openai", "Say a lot, quickly.");

        var deltas = events.Where(e => e.Type == "task_delta").ToList();
        Assert.Equal(answer, Joined(deltas.Select(d => d.Data)));
        Assert.Equal(answer, task.GetProperty("result").GetProperty("text").GetString());
        AssertInOrder([.. deltas.Select(d => d.Data)]);
        // The batcher's bound: 2 + 20 a second of streaming + one per 1,024 characters; the time is measured here, on
        // the receiving side, which can only make it longer (so the bound looser), never shorter.
        var seconds = Stopwatch.GetElapsedTime(deltas[0].ReceivedAt, deltas[^1].ReceivedAt).TotalSeconds;
        var bound = 2 + (int)Math.Ceiling(20 * seconds) + (answer.Length / 1_024) + 1;
        Assert.True(deltas.Count <= bound, $"{deltas.Count} frames over {seconds:0.000} s; the bound is {bound}");
        Assert.True(deltas.Count < 100, $"{deltas.Count} frames for 600 pieces");
    }

    [Fact]
    public async Task A_model_call_that_fails_mid_stream_is_retried_as_a_new_attempt_that_starts_again()
    {
        var answer = "The second attempt tells the whole story from the start.";
        host.Vendor.Enqueue(
            FakeReply.Streamed("The first attempt breaks off half way through its story.", pieces: 4, breakAfter: 2),
            FakeReply.Streamed(answer, pieces: 4));

        var (events, task) = await RunAsync("openai", "Tell a story, even if it takes two tries.");

        var attempts = Deltas(events).GroupBy(d => d.GetProperty("attempt").GetInt64()).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].Key > attempts[0].Key, "a later attempt has a greater number");
        Assert.True(Deltas(events).TakeWhile(d => d.GetProperty("attempt").GetInt64() == attempts[0].Key).Count() == attempts[0].Count(), "the attempts do not interleave");
        AssertInOrder([.. attempts[0]], ended: false);
        AssertInOrder([.. attempts[1]]);
        Assert.Equal("The first attempt breaks off", Joined(attempts[0]));
        Assert.Equal(answer, Joined(attempts[1]));
        Assert.Equal(answer, task.GetProperty("result").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_task_without_stream_sends_no_delta()
    {
        host.Vendor.Enqueue(FakeReply.Streamed("Answered in one piece.", pieces: 5));

        var (events, task) = await RunAsync("openai", "Answer without streaming.", stream: false);

        Assert.Equal(["task_finished"], events.Select(e => e.Type));
        Assert.Equal("Answered in one piece.", task.GetProperty("result").GetProperty("text").GetString());
        Assert.False(host.Vendor.Requests[^1].Stream);
    }

    [Fact]
    public async Task Stream_for_a_caller_the_channel_cannot_address_is_refused_by_name()
    {
        var posing = TokenIssuer.Mint(new JwtSettings { Secret = LocalHostProcess.Secret }, "agent:streamer-openai", ["admin"], TimeSpan.FromMinutes(5), TimeProvider.System);
        using var submit = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/tasks", UriKind.Relative))
        {
            Content = JsonContent.Create(new { prompt = "stream it to the agent I pose as", stream = true }),
        };
        submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", posing);

        using var submitted = await Swarm.Http.SendAsync(submit);

        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        var error = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("stream", error.GetProperty("field").GetString());
        Assert.Contains("cannot be sent to this caller", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
