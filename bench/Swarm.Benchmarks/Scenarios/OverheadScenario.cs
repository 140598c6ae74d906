using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Baseline;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2: the swarm's own cost around one model call. The same setup as the throughput run, but the simulated model
/// takes a second per call and tasks run one at a time, so nothing queues behind anything: whatever a task takes beyond
/// the call is the swarm's overhead (HTTP, durable messages through storage, the agent's entity, polling intervals),
/// also as a ratio to the plain orchestration's overhead on the same model (<see cref="BaselineScenario"/>).
/// </summary>
sealed class OverheadScenario(BenchmarkOptions options, StorageEndpoint? storage, PeerBaseline baseline) : IScenario
{
    public const int ModelLatencyMs = 1000;

    /// <summary>Short, because only one task is in flight: it sets the resolution of the client-observed latency.</summary>
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(20);

    public string Name => "overhead";

    public string Title => "Overhead on a 1 s model call";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = LocalHostSetup.Setting(ModelLatencyMs),
            ["system__maxAgents"] = LocalHostSetup.Setting(options.Agents + 1),
            ["defaultAgent__maxConcurrency"] = LocalHostSetup.Setting(LocalHostSetup.DefaultAgentConcurrency),
        };
        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, settings, cancellationToken);
        await LocalHostSetup.RunFirstTaskAsync(host, cancellationToken);
        Progress.Write($"{Name}: creating {options.Agents} agents");
        var agents = await new AgentBatch(host.Api, options.Clients).CreateAsync(options.Agents, 1, LocalHostSetup.CreatedAgentConcurrency(options), cancellationToken);

        Progress.Write($"{Name}: {options.OverheadTasks} tasks, one at a time");
        var cpu = CpuWindow.Start(LocalHostSetup.MeasuredProcesses(host, storage));
        var outcomes = new List<TaskOutcome>();
        var timedOut = false;
        for (var i = 0; i < options.OverheadTasks && !timedOut; i++)
        {
            var one = await new TaskBatch(host.Api, clients: 1, PollPause).RunAsync(1, $"overhead task {i}", cancellationToken);
            outcomes.AddRange(one.Outcomes);
            timedOut = one.TimedOut;
        }

        var usage = cpu.Stop();
        var completed = outcomes.Where(o => o.Last is { IsCompleted: true }).ToList();
        report.Paragraph(
            $"The throughput run's setup ({Units.Count(agents.Created)} agents created), but the simulated model takes {ModelLatencyMs} ms per call; "
            + $"{Units.Count(options.OverheadTasks)} tasks run one after another (each submitted once the one before it finished), so none waits for another. "
            + $"Overhead is a task's end-to-end time minus the model call: minus the nominal {ModelLatencyMs} ms, and minus the call as the activity timed it. "
            + "One task on the fresh host ran before these, not counted.");
        report.Bullets(LocalHostSetup.DescribeSettings(host, settings, options));
        report.Heading(3, "Results");
        report.Paragraph($"{Units.Count(completed.Count)} of {Units.Count(outcomes.Count)} tasks completed"
            + (outcomes.FirstOrDefault(o => o.Last is { IsCompleted: false, IsFinished: true })?.Last is { } failed ? $"; a failure: {failed.ErrorType}: {failed.ErrorMessage}" : string.Empty) + ".");
        report.LatencyTable(
        [
            ("End to end: POST until the host's completion time", LatencySummary.Of(completed.Select(o => o.EndToEnd!.Value))),
            ($"**Overhead: end to end minus {ModelLatencyMs} ms**", LatencySummary.Of(completed.Select(o => o.EndToEnd!.Value.TotalMilliseconds - ModelLatencyMs))),
            ("Overhead: end to end minus the model call as the activity timed it", LatencySummary.Of(completed.Where(o => o.Last!.ModelLatencyMs is not null).Select(o => o.EndToEnd!.Value.TotalMilliseconds - o.Last!.ModelLatencyMs!.Value))),
            ("Model call, as the activity timed it", LatencySummary.Of(completed.Where(o => o.Last!.ModelLatencyMs is not null).Select(o => o.Last!.ModelLatencyMs!.Value))),
            ($"End to end, client-observed (a poll every {Units.Ms(PollPause)} or so)", LatencySummary.Of(completed.Select(o => o.ClientObserved!.Value))),
            ("Accept: POST until its 202", LatencySummary.Of(outcomes.Select(o => o.Submission.AcceptLatency))),
            ("Phase: POST to `createdAt` (request handled, orchestration scheduled)", Phase(completed, o => o.Last!.CreatedAt - o.Submission.StartedAt)),
            ("Phase: `createdAt` to `claimedAt` (orchestration started, agent slot claimed)", Phase(completed, o => o.Last!.ClaimedAt - o.Last.CreatedAt)),
            ($"Phase: `claimedAt` to `answeredAt` minus the model call (the agent turn's own cost)", Phase(completed, o => o.Last!.AnsweredAt - o.Last.ClaimedAt - TimeSpan.FromMilliseconds(o.Last.ModelLatencyMs ?? 0))),
            ("Phase: `answeredAt` to `lastUpdatedAt` (slot released, orchestration completed)", Phase(completed, o => o.Last!.LastUpdatedAt - o.Last.AnsweredAt)),
        ]);
        BaselineComparison.WriteOverhead(report, LatencySummary.Of(completed.Select(o => o.EndToEnd!.Value.TotalMilliseconds - ModelLatencyMs)), baseline);
        report.Heading(3, "What bounds these numbers");
        var s = host.Settings;
        report.Bullets(
        [
            $"Each step of a task is a durable message through Azurite; when the work is one task at a time, a queue is often idle, and an idle queue's polling backs off to at most `durable.maxQueuePollingIntervalMs` ({s.Durable.MaxQueuePollingIntervalMs} ms) between reads.",
            $"Entity round trips: claiming a slot is made of entity calls, each a request and a response message through the {s.Durable.PartitionCount} control queues; a release is a signal.",
            "The phases above show where the overhead sits; the orchestration's timestamps are taken when it resumes, so a phase includes the wait for its message to be picked up.",
            $"CPU while the tasks ran {Units.Cpu(usage)}: one task at a time leaves the machine mostly idle, so waiting, not computing, is the overhead.",
        ]);

        if (timedOut)
        {
            throw new TimeoutException($"Only {Units.Count(outcomes.Count)} of {Units.Count(options.OverheadTasks)} tasks were run before the scenario's time ran out; the last had not finished.");
        }
    }

    static LatencySummary? Phase(IEnumerable<TaskOutcome> outcomes, Func<TaskOutcome, TimeSpan?> phase) =>
        LatencySummary.Of(outcomes.Select(phase).OfType<TimeSpan>());
}
