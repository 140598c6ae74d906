using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Messaging;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Domain.Agents;
using Swarm.Providers;
using Swarm.Providers.Accounting;
using Swarm.Providers.Configuration;
using Swarm.Providers.Tests.Fakes;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// How long a client waits for the first token of a streamed task, against the same model called directly. The model is
/// a local server speaking OpenAI's wire format (the tests' fake vendor, answering at once in 40 pieces), reached through
/// the OpenAI SDK and the provider stack both times: directly, the time from the call to its first text chunk; through
/// the swarm, from <c>POST /api/v1/tasks</c> with <c>"stream": true</c> to the first <c>task_delta</c> on a WebSocket.
/// </summary>
sealed class TokenStreamScenario(BenchmarkOptions options, StorageEndpoint? storage) : IScenario
{
    const string Model = "m-bench-stream";
    const int Pieces = 40;
    static readonly TimeSpan EventWait = TimeSpan.FromSeconds(30);
    static readonly string Answer = string.Concat(Enumerable.Range(0, 80).Select(i => $"token{i} "));

    public string Name => "stream";

    public string Title => "Token streams: time to the first streamed token, through the swarm and directly";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        await using var model = await FakeVendorServer.StartAsync();
        var baseUrl = new Uri(model.BaseUri, "v1/").ToString();
        var key = "sk-bench-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__openai__baseUrl"] = baseUrl,
            ["defaultAgent__provider"] = "openai",
            ["defaultAgent__model"] = Model,
            ["defaultAgent__maxConcurrency"] = LocalHostSetup.Setting(LocalHostSetup.DefaultAgentConcurrency),
        };
        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, new Dictionary<string, string>(settings) { ["OPENAI_API_KEY"] = key }, cancellationToken);
        await LocalHostSetup.RunFirstTaskAsync(host, cancellationToken);

        Progress.Write($"{Name}: {options.RealtimeTasks} direct streaming calls, then {options.RealtimeTasks} streamed tasks, one at a time");
        var direct = await DirectAsync(model, baseUrl, key, cancellationToken);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(await host.Api.NegotiateRealtimeAsync(cancellationToken), cancellationToken);
        var firsts = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        var ends = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = ListenAsync(socket, firsts, ends, stopListening.Token);
        var throughSwarm = new List<TimeSpan>();
        var missed = 0;
        for (var i = 0; i < options.RealtimeTasks; i++)
        {
            model.Enqueue(FakeReply.Streamed(Answer, Pieces));
            var posted = Stopwatch.GetTimestamp();
            var submission = await host.Api.SubmitTaskAsync(i, $"stream task {i}", cancellationToken, stream: true);
            if (submission.Id is not { } id)
            {
                throw new InvalidOperationException($"A task was not accepted: {submission.Status} {submission.Problem}");
            }

            var first = firsts.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            var end = ends.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            if (await Task.WhenAny(end, listening, Task.Delay(EventWait, cancellationToken)) != end || !first.IsCompletedSuccessfully)
            {
                if (listening.IsCompleted)
                {
                    await listening;
                    throw new InvalidOperationException("The WebSocket closed before the run ended.");
                }

                missed++;
                continue;
            }

            throughSwarm.Add(Stopwatch.GetElapsedTime(posted, first.Result));
        }

        await stopListening.CancelAsync();
        await listening;

        report.Paragraph(
            $"The model: a server on 127.0.0.1 speaking OpenAI's Chat Completions wire format (the tests' fake vendor), answering at once with "
            + $"{Units.Count(Answer.Length)} characters in {Units.Count(Pieces)} server-sent events, reached through the OpenAI SDK and the swarm's provider "
            + $"stack (accounting, retries, breaker). **Directly**: {Units.Count(options.RealtimeTasks)} streaming calls through that stack in this process, "
            + "timed from the call to the first chunk with text. **Through the swarm**: as many tasks, one at a time, on the default queen put on that model, "
            + "each submitted with `\"stream\": true` while one WebSocket, negotiated as the submitter, listens on the local host's Web PubSub stand-in; timed from "
            + "the POST to the first `task_delta` frame, each task waited for to its `task_finished` before the next.");
        report.Bullets(LocalHostSetup.DescribeSettings(host, settings, options));
        report.Heading(3, "Results");
        report.Paragraph($"{Units.Count(throughSwarm.Count)} of {Units.Count(options.RealtimeTasks)} streamed tasks sent their first delta and finished within {Units.Seconds(EventWait)}; {Units.Count(missed)} did not.");
        report.LatencyTable(
        [
            ("Directly: call until the first text chunk", LatencySummary.Of(direct)),
            ("**Through the swarm: POST until the first `task_delta`**", LatencySummary.Of(throughSwarm)),
        ]);
        report.Heading(3, "What bounds these numbers");
        report.Bullets(
        [
            "Through the swarm, the first token waits for the task's path before the model is called: accept, schedule the orchestration, a seat from the dispatcher, then the `InvokeAgentActivity` work item; see the overhead scenario for those phases. The model's own time to the first token is the same in both rows, so the difference is the swarm's.",
            "Then one HTTP call to the channel per audience (the submitter and the task's group, at once) and a WebSocket frame. The batcher sends the first piece at once; only later pieces wait for its 50 ms interval.",
            "Azurite's queue polling paces the durable steps; on Azure Storage the same path takes longer.",
        ]);
    }

    async Task<List<TimeSpan>> DirectAsync(FakeVendorServer model, string baseUrl, string key, CancellationToken cancellationToken)
    {
        var providers = new ProvidersSettings { OpenAi = { BaseUrl = baseUrl, ApiKey = key } };
        using var catalog = new ProviderCatalog(providers, TimeProvider.System, new ProviderMetrics());
        var client = catalog.GetClient(new ProviderSettings("openai", Model));
        var times = new List<TimeSpan>();
        for (var i = -3; i < options.RealtimeTasks; i++)
        {
            model.Enqueue(FakeReply.Streamed(Answer, Pieces));
            var started = Stopwatch.GetTimestamp();
            TimeSpan? first = null;
            await foreach (var update in client.GetStreamingResponseAsync($"direct call {i}", cancellationToken: cancellationToken))
            {
                first ??= update.Text.Length > 0 ? Stopwatch.GetElapsedTime(started) : null;
            }

            // The first three are warm-up (connections, JIT).
            if (i >= 0 && first is { } elapsed)
            {
                times.Add(elapsed);
            }
        }

        return times;
    }

    static Task ListenAsync(ClientWebSocket socket, ConcurrentDictionary<string, TaskCompletionSource<long>> firsts, ConcurrentDictionary<string, TaskCompletionSource<long>> ends, CancellationToken stop) =>
        SocketFrames.ReadEachAsync(socket, text =>
        {
            var at = Stopwatch.GetTimestamp();
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty("data", out var data) && data.TryGetProperty("taskId", out var task) && task.GetString() is { } taskId)
            {
                var type = root.GetProperty("type").GetString();
                var waiting = type == "task_delta" ? firsts : type == "task_finished" ? ends : null;
                waiting?.GetOrAdd(taskId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(at);
            }
        }, stop);
}
