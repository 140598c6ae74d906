using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Baseline;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.StorageRequests;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1: many tasks through the persistent backend. Creates simulated worker agents, submits tasks from
/// concurrent clients to a local host on Azurite with a simulated model that answers at once, and follows every task
/// to its end: how many tasks a second the swarm sustains, how long each waits, and the storage requests each costs,
/// as ratios to the plain orchestration baseline of the same run (<see cref="BaselineScenario"/>).
/// </summary>
sealed class ThroughputScenario(BenchmarkOptions options, StorageEndpoint? storage, PeerBaseline baseline) : IScenario
{
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(100);

    public string Name => "throughput";

    public string Title => "Throughput: tasks through the local host on Azurite";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = "0",
            ["system__maxAgents"] = LocalHostSetup.Setting(options.Agents + 1),
            ["defaultAgent__maxConcurrency"] = LocalHostSetup.Setting(LocalHostSetup.DefaultAgentConcurrency),
        };
        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, settings, cancellationToken);
        var first = await LocalHostSetup.RunFirstTaskAsync(host, cancellationToken);

        var agentConcurrency = LocalHostSetup.CreatedAgentConcurrency(options);
        Progress.Write($"{Name}: creating {options.Agents} agents");
        var agents = await new AgentBatch(host.Api, options.Clients).CreateAsync(options.Agents, 1, agentConcurrency, cancellationToken);

        // Warm-up at the run's concurrency, so the measured run does not pay for first-time work on concurrent paths.
        Progress.Write($"{Name}: warm-up ({options.Clients} tasks)");
        var warmUp = await new TaskBatch(host.Api, options.Clients, PollPause).RunAsync(options.Clients, "warm-up task", cancellationToken);

        Progress.Write($"{Name}: {options.Tasks} tasks from {options.Clients} clients");
        var cpu = CpuWindow.Start(LocalHostSetup.MeasuredProcesses(host, storage));
        var (run, workload) = await RunCountedAsync(host, cancellationToken);

        // The meter's window is the batch alone; the scenario's own also holds the meter's quiet window after it.
        var usage = workload?.Cpu ?? cpu.Stop();
        var memory = host.Memory();

        report.Paragraph(
            $"{Units.Count(options.Agents)} simulated worker agents (maxConcurrency {agentConcurrency} each) are created through `POST /api/v1/agents`, "
            + $"then {Units.Count(options.Tasks)} tasks are submitted through `POST /api/v1/tasks` by {options.Clients} concurrent clients and followed "
            + "through `GET /api/v1/tasks/{id}` until each is completed or failed. The default agent's maxConcurrency is set to "
            + $"{LocalHostSetup.DefaultAgentConcurrency} for this run, so that tasks running on it (before task distribution, every task did) are not limited by its slots; "
            + "which agents the tasks ran on is measured below. "
            + $"Before the measured run: one task on the fresh host, then {Units.Count(warmUp.Submissions.Count)} warm-up tasks ({Units.Count(warmUp.Completed.Count())} completed), not counted.");
        report.Bullets(LocalHostSetup.DescribeSettings(host, settings, options));
        WriteResults(report, first, agents, run, usage, memory);
        BaselineComparison.WriteBatch(report, workload, baseline);
        WriteBounds(report, host, agents, run, usage);

        if (run.TimedOut)
        {
            throw new TimeoutException(
                $"{Units.Count(run.Unfinished.Count())} of {Units.Count(run.Outcomes.Count)} accepted tasks had not finished when the scenario's time ran out "
                + $"(last seen: {string.Join(", ", run.UnfinishedStatuses.Select(s => $"{s.Key} {s.Value}"))}); the numbers above count only the tasks that finished.");
        }
    }

    /// <summary>
    /// The measured batch, with Azurite's access log counted as the baseline's was, when the run's Azurite has one (the
    /// meter then also waits for a quiet window and measures what a status read costs, after the batch).
    /// </summary>
    async Task<(TaskBatchResult Run, StorageWorkload? Workload)> RunCountedAsync(SwarmHostProcess host, CancellationToken cancellationToken)
    {
        if (storage?.AccessLogPath is not { } path || storage.AzuritePid is not { } azuritePid)
        {
            return (await new TaskBatch(host.Api, options.Clients, PollPause).RunAsync(options.Tasks, "bench task", cancellationToken), null);
        }

        await using var tail = AccessLogTail.Start(path);
        TaskBatchResult? run = null;
        try
        {
            var workload = await new WorkloadMeter(tail.Log, azuritePid, options.StorageLogFolder, Name).MeasureAsync(
                "swarm single tasks",
                [("local host", host.Pid), ("benchmark", Environment.ProcessId)],
                async token =>
                {
                    run = await new TaskBatch(host.Api, options.Clients, PollPause).RunAsync(options.Tasks, "bench task", token);
                    var completed = run.Completed.Select(o => o.Submission.Id!).ToList();
                    return new BatchRun(run.Submissions.Count, completed.Count, run.WallTime, run.Polls, completed, run.TimedOut);
                },
                (id, token) => host.Api.GetTaskAsync(id, token),
                cancellationToken);
            return (run!, workload);
        }
        catch (TimeoutException) when (run is { TimedOut: true })
        {
            // The results and the timeout are reported below, as without the meter.
            return (run, null);
        }
    }

    static void WriteResults(MarkdownReport report, TaskOutcome first, AgentBatchResult agents, TaskBatchResult run, CpuUsage usage, ProcessMemory? memory)
    {
        var completed = run.Completed.ToList();
        var wall = run.WallTime;
        var submitPhase = run.LastAcceptedAt - run.FirstSubmitAt;
        report.Heading(3, "Results");
        report.Table(["Measure", "Value"], new List<IReadOnlyList<string>>
        {
            new[] { "Agents created", $"{Units.Count(agents.Created)} of {Units.Count(agents.Creations.Count)} in {Units.Seconds(agents.Elapsed)} ({Units.Rate(agents.PerSecond, "agents")}); per request {Units.P50P95(agents.Latency)}" + RefusedText(agents) },
            new[] { "Tasks submitted / accepted", $"{Units.Count(run.Submissions.Count)} / {Units.Count(run.Submissions.Count(s => s.Accepted))}" + RejectedText(run) },
            new[] { "Tasks completed / failed / unfinished", $"{Units.Count(completed.Count)} / {Units.Count(run.Failed.Count())} / {Units.Count(run.Unfinished.Count())}" + FailureText(run) },
            new[] { "Wall time, first POST to last completion", wall is { } w ? Units.Seconds(w) : "n/a" },
            new[] { "Sustained throughput (completed / wall time)", wall is { } t && t > TimeSpan.Zero ? Units.Rate(completed.Count / t.TotalSeconds, "tasks") : "n/a" },
            new[] { "Submission (all POSTs answered)", submitPhase is { } p && p > TimeSpan.Zero ? $"{Units.Seconds(p)} ({Units.Rate(run.Submissions.Count(s => s.Accepted) / p.TotalSeconds, "tasks")} accepted)" : "n/a" },
            new[] { "First task on the fresh host (POST to completion)", Units.Ms(first.EndToEnd!.Value) },
            new[] { "Agents the tasks ran on", AgentsText(completed) },
            new[] { "Polling (GET /api/v1/tasks/{id}) while the tasks ran", $"{Units.Count(run.Polls)} requests, {Units.P50P95(run.PollLatency)}" + (run.PollFailures > 0 ? $", {Units.Count(run.PollFailures)} failed" : string.Empty) },
            new[] { "CPU during the run", Units.Cpu(usage) },
            new[] { "CPU per completed task", completed.Count > 0 ? string.Join(", ", usage.Processes.Select(p => $"{p.Label} {Units.Ms(p.Cpu.TotalMilliseconds / completed.Count)}")) : "n/a" },
            new[] { "Local host memory after the run", memory is { } m ? $"RSS {Units.Bytes(m.ResidentBytes)}, peak RSS {Units.Bytes(m.PeakResidentBytes)}" : "n/a" },
        });

        report.LatencyTable(
        [
            ("Accept: POST until its 202", run.AcceptLatency),
            ("End to end: POST until the host's completion time (`lastUpdatedAt`)", LatencySummary.Of(completed.Select(o => o.EndToEnd!.Value))),
            ("End to end, host clock only: `createdAt` to `lastUpdatedAt`", LatencySummary.Of(completed.Select(o => o.ServerEndToEnd!.Value))),
            ("End to end, client-observed: POST until a poll saw it finished", LatencySummary.Of(completed.Select(o => o.ClientObserved!.Value))),
            ("Phase: `createdAt` to `claimedAt` (queued, agent slot claimed)", Phase(completed, s => s.ClaimedAt - s.CreatedAt)),
            ("Phase: `claimedAt` to `answeredAt` (agent turn: sub-orchestration and model call)", Phase(completed, s => s.AnsweredAt - s.ClaimedAt)),
            ("Phase: `answeredAt` to `lastUpdatedAt` (slot released, orchestration completed)", Phase(completed, s => s.LastUpdatedAt - s.AnsweredAt)),
            ("Model call, as the activity measured it", LatencySummary.Of(completed.Where(o => o.Last!.ModelLatencyMs is not null).Select(o => o.Last!.ModelLatencyMs!.Value))),
        ]);
        report.Paragraph(
            "Timestamps: `createdAt`, `lastUpdatedAt` are the durable instance's, `claimedAt`, `answeredAt` the orchestration's own clock at those steps, all on this machine's clock; "
            + "a POST's start is the benchmark's clock on the same machine. Client-observed figures include up to one polling round "
            + $"(a round asks about the oldest {run.PollWindow} unfinished tasks, then pauses {Units.Ms(run.PollPause)}).");
    }

    void WriteBounds(MarkdownReport report, SwarmHostProcess host, AgentBatchResult agents, TaskBatchResult run, CpuUsage usage)
    {
        var s = host.Settings;
        var completed = run.Completed.ToList();
        var bounds = new List<string>
        {
            $"CPU: {Units.Cpu(usage)}. The local host, Azurite and this benchmark share the machine; a machine near 100% busy means CPU is the limit, one well below it that the work waits on something else.",
        };
        var submitPhase = run.LastAcceptedAt - run.FirstSubmitAt;
        if (submitPhase is { } p && p > TimeSpan.Zero && run.WallTime is { } wall && wall > TimeSpan.Zero)
        {
            var (accepted, served) = (run.Submissions.Count(x => x.Accepted) / p.TotalSeconds, completed.Count / wall.TotalSeconds);
            bounds.Add($"Queueing: tasks were accepted at {Units.Rate(accepted, "tasks")} and completed at {Units.Rate(served, "tasks")}; "
                + (accepted > served * 1.2 ? "a task's end-to-end time is mostly its wait behind the tasks before it (the overhead scenario shows a lone task)." : "the swarm kept up with the clients."));
        }

        var claim = Phase(completed, x => x.ClaimedAt - x.CreatedAt);
        var whole = LatencySummary.Of(completed.Select(o => o.ServerEndToEnd!.Value));
        var agentsUsed = completed.Select(o => o.Last!.AgentId).Distinct().Count();
        if (claim is { } c && whole is { } w)
        {
            bounds.Add($"Agent slots: `createdAt` to `claimedAt` (waiting to start, then claiming a slot) is p50 {Units.Ms(c.P50)} of the p50 {Units.Ms(w.P50)} end to end. "
                + "A claim is made through entity calls (a request and a response message through the control queues), and an entity applies its operations one at a time, "
                + $"so an entity that every task calls is a serial point. The tasks ran on {agentsUsed} agent{(agentsUsed == 1 ? string.Empty : "s")}; the default agent had "
                + $"{s.DefaultAgent.MaxConcurrency} slots, each created agent {LocalHostSetup.CreatedAgentConcurrency(options)}.");
        }

        if (completed.Count > 0 && usage.Processes.FirstOrDefault(p => p.Label == "Azurite") is { } azurite && azurite.Cpu > TimeSpan.Zero)
        {
            var perTask = azurite.Cpu.TotalMilliseconds / completed.Count;
            var thread = azurite.BusiestThread is { } busiest ? $", its busiest thread {Units.Cores(busiest.TotalSeconds / usage.Wall.TotalSeconds)} cores" : string.Empty;
            bounds.Add($"Storage: Azurite spent {Units.Ms(perTask)} of CPU per completed task ({Units.Cores(azurite.Cpu.TotalSeconds / usage.Wall.TotalSeconds)} cores on average{thread}). "
                + $"Its JavaScript runs on one Node.js thread, so at that cost it could serve about {Units.Rate(1000 / perTask, "tasks")} with a core to itself (an estimate, not a measurement); "
                + "a busiest thread near 1.00 core means the emulator is the limit.");
        }

        bounds.Add($"The durable backend: Azure Storage queues and tables on Azurite, {s.Durable.PartitionCount} control-queue partitions (orchestrations and entities are spread over them by instance id, an entity's operations all go through its one partition), queue polling backing off to at most {s.Durable.MaxQueuePollingIntervalMs} ms when a queue is idle.");
        bounds.Add($"The model: simulated, {s.Providers.Simulated.LatencyMs} ms per call, at most {s.Providers.Simulated.MaxConcurrency} calls in flight per host.");
        bounds.Add($"The clients: {options.Clients} concurrent connections submitting, and {Units.Count(run.Polls)} polls the host served during the run.");
        bounds.Add($"Agent creation ({Units.P50P95(agents.Latency)} per request): `POST /api/v1/agents` answers once the agent's provisioning orchestration has completed, "
            + "which takes the roster entity, the agent entity, a Table row and a signal to the dispatcher; the local host's durable client looks for the completion from 25 ms up to every 250 ms (`LocalHostDurableClient`), "
            + "since the Azure Storage backend's own wait looks only every 2 s.");
        report.Heading(3, "What bounds these numbers");
        report.Bullets(bounds);
    }

    static LatencySummary? Phase(IEnumerable<TaskOutcome> outcomes, Func<TaskSnapshot, TimeSpan?> phase) =>
        LatencySummary.Of(outcomes.Select(o => phase(o.Last!)).OfType<TimeSpan>());

    static string AgentsText(IReadOnlyCollection<TaskOutcome> completed)
    {
        var byAgent = completed.GroupBy(o => o.Last!.AgentId ?? "(none)").Select(g => (Agent: g.Key, Tasks: g.Count())).OrderByDescending(g => g.Tasks).ToList();
        return byAgent.Count switch
        {
            0 => "n/a",
            <= 4 => string.Join(", ", byAgent.Select(a => $"`{a.Agent}` {Units.Count(a.Tasks)}")),
            _ => $"{byAgent.Count} agents; most {Units.Count(byAgent[0].Tasks)} tasks (`{byAgent[0].Agent}`), fewest {Units.Count(byAgent[^1].Tasks)}",
        };
    }

    static string RefusedText(AgentBatchResult agents) =>
        agents.Refused.FirstOrDefault() is { } refused ? $"; {Units.Count(agents.Refused.Count())} refused, e.g. {refused.Status}: {refused.Problem}" : string.Empty;

    static string RejectedText(TaskBatchResult run) =>
        run.Rejected.FirstOrDefault() is { } rejected ? $"; {Units.Count(run.Rejected.Count())} not accepted, e.g. {rejected.Status}: {rejected.Problem}" : string.Empty;

    static string FailureText(TaskBatchResult run) =>
        run.Failed.FirstOrDefault()?.Last is { } failed ? $"; e.g. {failed.ErrorType}: {failed.ErrorMessage}" : string.Empty;
}
