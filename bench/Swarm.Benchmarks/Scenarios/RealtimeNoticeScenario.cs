using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Messaging;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: how soon a client hears that its task ended, pushed over the real-time channel (the local host's Web
/// PubSub stand-in) rather than found by polling. Tasks run one at a time on a zero-latency simulated model, each
/// submitted with <c>"notify": true</c>, while one WebSocket listens; after each event the client polls the task until
/// the REST state says it is finished, to show how far the event runs ahead of it.
/// </summary>
sealed class RealtimeNoticeScenario(BenchmarkOptions options, StorageEndpoint? storage) : IScenario
{
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(20);
    static readonly TimeSpan EventWait = TimeSpan.FromSeconds(30);

    public string Name => "realtime";

    public string Title => "Real-time notices: a task's end pushed over a WebSocket";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = LocalHostSetup.Setting(0),
            ["defaultAgent__maxConcurrency"] = LocalHostSetup.Setting(LocalHostSetup.DefaultAgentConcurrency),
        };
        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, settings, cancellationToken);
        await LocalHostSetup.RunFirstTaskAsync(host, cancellationToken);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(await host.Api.NegotiateRealtimeAsync(cancellationToken), cancellationToken);
        var arrivals = new ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>>(StringComparer.Ordinal);
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = ListenAsync(socket, arrivals, stopListening.Token);

        Progress.Write($"{Name}: {options.RealtimeTasks} tasks, one at a time, each announced");
        var runs = new List<Run>();
        var missed = 0;
        for (var i = 0; i < options.RealtimeTasks; i++)
        {
            var submission = await host.Api.SubmitTaskAsync(i, $"realtime task {i}", cancellationToken, notify: true);
            if (submission.Id is not { } id)
            {
                throw new InvalidOperationException($"A task was not accepted: {submission.Status} {submission.Problem}");
            }

            var arrival = arrivals.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            if (await Task.WhenAny(arrival, listening, Task.Delay(EventWait, cancellationToken)) != arrival)
            {
                if (listening.IsCompleted)
                {
                    await listening; // its exception, if it failed, says why no more events can come
                    throw new InvalidOperationException("The WebSocket closed before the run ended.");
                }

                missed++;
            }

            // Polled to its end either way, so the next task starts alone even after a missed event.
            var polls = 0;
            while (true)
            {
                var snapshot = await host.Api.GetTaskAsync(id, cancellationToken);
                polls++;
                if (snapshot is { IsFinished: true } finished)
                {
                    if (arrival.IsCompletedSuccessfully)
                    {
                        runs.Add(new Run(submission.StartedAt, arrival.Result, DateTimeOffset.UtcNow, finished.LastUpdatedAt, finished.IsCompleted, StillRunningAtFirstPoll: polls > 1));
                    }

                    break;
                }

                await Task.Delay(PollPause, cancellationToken);
            }
        }

        await stopListening.CancelAsync();
        await listening;
        var stillRunning = runs.Count(r => r.Completed && r.StillRunningAtFirstPoll);

        var completed = runs.Where(r => r.Completed).ToList();
        report.Paragraph(
            $"{Units.Count(options.RealtimeTasks)} tasks, one after another, on the default queen with a zero-latency simulated model, each submitted with "
            + "`\"notify\": true` while one WebSocket, negotiated as the submitter, listens on the local host's Web PubSub stand-in. After each "
            + $"`task_finished` arrives, the client polls the task (a poll every {Units.Ms(PollPause)} or so) until the REST state says it is finished. "
            + "Client and host share one clock (the same machine).");
        report.Bullets(LocalHostSetup.DescribeSettings(host, settings, options));
        report.Heading(3, "Results");
        report.Paragraph($"{Units.Count(completed.Count)} of {Units.Count(options.RealtimeTasks)} tasks completed with their event; "
            + $"{Units.Count(missed)} event(s) did not arrive within {Units.Seconds(EventWait)}. "
            + $"For {Units.Count(stillRunning)} of the {Units.Count(completed.Count)}, the first poll after the event still showed the task unfinished.");
        report.LatencyTable(
        [
            ("**POST until its `task_finished` arrived**", LatencySummary.Of(completed.Select(r => r.Heard - r.Posted))),
            ("POST until polling saw the task finished (the poll after the event)", LatencySummary.Of(completed.Select(r => r.SeenByPolling - r.Posted))),
            ("The host's completion time minus the event's arrival (the event runs at least this far ahead of the REST state)", LatencySummary.Of(completed.Select(r => r.CompletedAt - r.Heard))),
        ]);
        report.Heading(3, "What bounds these numbers");
        report.Bullets(
        [
            "The event is sent by an activity (`PublishRealtimeActivity`) that the orchestration schedules after the task's last step: one durable message through Azurite's work-item queue, then one HTTP call to the stand-in, then a WebSocket frame.",
            "The orchestration completes only after that activity's result comes back through its control queue, which is why the event arrives before the REST state says `completed` and why a task that asks for the event completes later than one that does not (BENCHMARKS.md, \"What a real-time notice costs\"). The host's completion time is the completion event's own timestamp, taken before the final state is written, so the REST state turns `completed` somewhat later than that time.",
            "With the model at zero latency, the rest is the task's own path: accept, schedule, claim, call, release; see the overhead scenario for its phases.",
        ]);
    }

    static Task ListenAsync(ClientWebSocket socket, ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> arrivals, CancellationToken stop) =>
        SocketFrames.ReadEachAsync(socket, text =>
        {
            var at = DateTimeOffset.UtcNow;
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty("type", out var type) && type.GetString() == "task_finished"
                && root.TryGetProperty("data", out var data) && data.TryGetProperty("taskId", out var task) && task.GetString() is { } taskId)
            {
                arrivals.GetOrAdd(taskId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(at);
            }
        }, stop);

    sealed record Run(DateTimeOffset Posted, DateTimeOffset Heard, DateTimeOffset SeenByPolling, DateTimeOffset CompletedAt, bool Completed, bool StillRunningAtFirstPoll);
}
