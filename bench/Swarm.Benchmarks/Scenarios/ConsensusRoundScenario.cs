using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5: one durable consensus round on the persistent backend. Ten simulated agents with a shared capability
/// vote by simple majority on proposals put to them one at a time, on a local host over Azurite; the model answers at
/// once, so what is measured is the swarm's own cost of a round. Run on a host with the default queue polling and,
/// when <c>--host-setting</c> does not fix it, again on one whose idle queues are polled at least every 100 ms.
/// </summary>
sealed class ConsensusRoundScenario(BenchmarkOptions options, StorageEndpoint? storage) : IScenario
{
    const int Voters = 10;

    const int WarmUpProposals = 2;

    const string Capability = "voting";

    /// <summary>The simulated profile the voters' <c>provider.model</c> names: always right, so every round can decide.</summary>
    const string Profile = "sage";

    /// <summary>The spec's claim for a 10-agent simple-majority round.</summary>
    const double ClaimMs = 100;

    /// <summary>Short, because only one proposal is in flight: it sets the resolution of the client-observed latency.</summary>
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(20);

    public string Name => "consensus-round";

    public string Title => "Consensus: a 10-agent simple-majority round on Azurite";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var configurations = PollingHosts.For(options);
        var pollingFixed = PollingHosts.Fixed(options);

        var runs = new List<ConsensusRoundRun>();
        var stopped = false;
        try
        {
            foreach (var (label, extra) in configurations)
            {
                var run = await RunOnHostAsync(label, extra, cancellationToken);
                runs.Add(run);
                if (run.Run.TimedOut)
                {
                    stopped = true;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && runs.Count > 0)
        {
            stopped = true;
        }

        Write(report, runs, pollingFixed);
        if (stopped)
        {
            throw new TimeoutException($"The scenario's time ran out during the {(runs.Count < configurations.Count ? configurations[runs.Count].Label : runs[^1].Label)} run; the numbers above count only the proposals that finished.");
        }
    }

    async Task<ConsensusRoundRun> RunOnHostAsync(string label, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = "0",
            [$"providers__simulated__profiles__{Profile}__accuracy"] = "1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, settings, cancellationToken);
        Progress.Write($"{Name} ({label}): creating {Voters} voting agents");
        var voters = await Task.WhenAll(Enumerable.Range(1, Voters).Select(i =>
            host.Api.CreateVoterAsync($"voter{i}", Capability, Profile, maxConcurrency: Voters, cancellationToken)));
        if (voters.FirstOrDefault(v => !v.Created) is { } refused)
        {
            throw new InvalidOperationException($"A voting agent was not created ({refused.Status}: {refused.Problem}):{Environment.NewLine}{host.RecentOutput}");
        }

        var sequence = new ProposalSequence(host.Api, Capability, Voters, PollPause);
        Progress.Write($"{Name} ({label}): {WarmUpProposals} warm-up proposals, then {options.ConsensusProposals} one at a time");
        var warmUp = await sequence.RunAsync(WarmUpProposals, "warm-up proposal", cancellationToken);
        if (warmUp.Outcomes.FirstOrDefault(o => !o.Finished) is { } stuck && !warmUp.TimedOut)
        {
            throw new InvalidOperationException($"A warm-up proposal did not finish ({stuck.Submission.Problem ?? stuck.Last?.Status ?? "no answer"}):{Environment.NewLine}{host.RecentOutput}");
        }

        var cpu = CpuWindow.Start(LocalHostSetup.MeasuredProcesses(host, storage));
        var run = await sequence.RunAsync(options.ConsensusProposals, "bench proposal", cancellationToken);
        var usage = cpu.Stop();
        return new ConsensusRoundRun(
            label, [.. LocalHostSetup.DescribeSettings(host, settings, options)], host.Settings.Durable.MaxQueuePollingIntervalMs, host.Settings.Durable.PartitionCount, voters, warmUp, run, usage);
    }

    static void Write(MarkdownReport report, List<ConsensusRoundRun> runs, bool pollingFixed)
    {
        report.Paragraph(
            $"{Voters} simulated specialist agents with the expertise `{Capability}` (provider `simulated`, model `{Profile}`: a profile whose accuracy is 1, 0 ms per call) "
            + "are created through `POST /api/v1/agents`. Then proposals with three options go through `POST /api/v1/consensus/proposal` "
            + $"(`simpleMajority`, participants: the {Voters} agents with `{Capability}`, one round, 60 s deadline), one at a time: each is posted once the one before it "
            + $"finished, and polled through `GET /api/v1/consensus/proposals/{{id}}` every {Units.Ms(PollPause)} or so. {WarmUpProposals} warm-up proposals on each host are not counted. "
            + "End to end is from sending the POST to the host's `lastUpdatedAt` of the finished proposal; the round is `rounds[0].startedAt` to `rounds[0].endedAt`, the orchestration's own clock "
            + "when it asked for the ballots and when it counted them. "
            + PollingHosts.Note(pollingFixed));
        foreach (var run in runs)
        {
            report.Paragraph($"**Host: {run.Label}.**");
            report.Bullets(run.Settings);
        }

        report.Heading(3, "Results");
        report.Table(["Measure", .. runs.Select(r => r.Label)], new List<IReadOnlyList<string>>
        {
            Row("Proposals finished / posted", runs, r => $"{Units.Count(r.Finished.Count)} / {Units.Count(r.Run.Outcomes.Count)}" + Rejected(r.Run)),
            Row("Decided / decided for the right option", runs, r => $"{Units.Count(r.Run.Decided)} / {Units.Count(r.Run.DecidedRight)}" + Undecided(r.Run)),
            Row("Valid ballots in the round (p50)", runs, r => r.Finished.Count > 0 ? Units.Count((long)Percentiles.Rank([.. r.Finished.Select(o => (double)o.Last!.ValidBallots).Order()], 50)) + $" of {Voters}" : "n/a"),
            Row($"**Round under {Units.Ms(ClaimMs)}?**", runs, r => Verdict(r.Round)),
            Row($"End to end under {Units.Ms(ClaimMs)}?", runs, r => Verdict(r.EndToEnd)),
            Row("Wall time of the measured proposals", runs, r => Units.Seconds(r.Cpu.Wall)),
            Row("CPU per proposal", runs, r => r.Finished.Count > 0 ? string.Join(", ", r.Cpu.Processes.Select(p => $"{p.Label} {Units.Ms(p.Cpu.TotalMilliseconds / r.Finished.Count)}")) : "n/a"),
            Row("Polls (`GET .../proposals/{id}`)", runs, r => Units.Count(r.Run.Polls) + (r.Run.PollFailures > 0 ? $", {Units.Count(r.Run.PollFailures)} failed" : string.Empty)),
        });
        if (runs.Count > 0 && runs[0] is { Round: { } round, EndToEnd: { } whole } measured)
        {
            report.Paragraph($"**The spec's claim, a 10-agent simple-majority round in under {Units.Ms(ClaimMs)}** ({measured.Label}): the round itself, from asking for the ballots to counting them, "
                + (round.P95 < ClaimMs ? "met it" : round.P50 < ClaimMs ? "met it at the median but not at the tail" : "did not meet it")
                + $" (p50 {Units.Ms(round.P50)}, p95 {Units.Ms(round.P95)}, max {Units.Ms(round.Max)}); a caller, from POST to the decision, "
                + (whole.P95 < ClaimMs ? "also got it under that" : whole.P50 < ClaimMs ? "got it under that only at the median" : "did not")
                + $" (p50 {Units.Ms(whole.P50)}, p95 {Units.Ms(whole.P95)}), because the orchestration reads the participants before the round starts (below). "
                + "This is with a model that answers at once.");
        }

        foreach (var run in runs)
        {
            report.Paragraph($"Latency, host: {run.Label} ({Units.Count(run.Finished.Count)} proposals):");
            report.LatencyTable(
            [
                ("End to end: POST until the host's `lastUpdatedAt`", run.EndToEnd),
                ($"End to end, client-observed (a poll every {Units.Ms(PollPause)} or so)", run.ClientObserved),
                ("**The round: `rounds[0].startedAt` to `endedAt` (10 ballots asked, answered, counted)**", run.Round),
                ("Accept: POST until its 202", run.Accept),
                ("Phase: POST to `createdAt` (request handled, orchestration scheduled)", run.Scheduling),
                ("Phase: `createdAt` to the round's start (orchestration started, dispatcher and 10 agent entities read)", run.BeforeRound),
                ("Phase: the round's end to `lastUpdatedAt` (round recorded in the audit trail, orchestration completed)", run.AfterRound),
            ]);
        }

        WriteBounds(report, runs);
    }

    static void WriteBounds(MarkdownReport report, List<ConsensusRoundRun> runs)
    {
        var first = runs.Count > 0 ? runs[0] : null;
        var bounds = new List<string>
        {
            "Each ballot is an activity (`CastBallotActivity`): a work-item message out through an Azurite queue to the worker, and its result back as a message on the orchestration's "
                + "control queue. The ten are scheduled at once; the orchestration wakes for each batch of results it dequeues, replays, and ends the round in the episode that sees the last one, "
                + "so the round is at least two queue hops plus the replays, and more when results arrive in several batches.",
            "Before the round, the orchestration calls the dispatcher entity for its board, then all the participants' agent entities at once "
                + "(`ConsensusRoundOrchestrator.ParticipantsAsync`): two waves of entity request/response round trips through the control queues, "
                + (first?.BeforeRound is { } before ? $"p50 {Units.Ms(before.P50)} here, including the orchestration's start. " : string.Empty)
                + "This is outside `rounds[0]` but inside end to end.",
            "After the count, `RecordRoundActivity` writes every ballot and the decision to the audit trail (Table storage) before the orchestration completes: one more activity round trip.",
            "Queue polling: a queue found empty is polled less and less often, up to `durable.maxQueuePollingIntervalMs`; with one proposal at a time the queues are idle between steps, "
                + "so a message can wait up to that interval to be picked up. "
                + (runs.Count > 1 && runs[0].Round is { } slow && runs[1].Round is { } fast
                    ? $"Round p50 {Units.Ms(slow.P50)} with {runs[0].MaxQueuePollingIntervalMs} ms, {Units.Ms(fast.P50)} with {runs[1].MaxQueuePollingIntervalMs} ms"
                        + (runs[0].EndToEnd is { } slowWhole && runs[1].EndToEnd is { } fastWhole ? $"; end to end p50 {Units.Ms(slowWhole.P50)} and {Units.Ms(fastWhole.P50)}" : string.Empty)
                        + (fast.P50 < slow.P50 * 0.8
                            ? ": faster polling shortens the round, so messages do wait on backed-off queues."
                            : ": within a proposal, messages follow each other closely enough that the queues rarely back off far, so the interval matters little.")
                    : string.Empty),
            $"The client's own polling (every {Units.Ms(PollPause)} or so, plus the GET itself) is the gap between client-observed and end to end; the host's timestamps do not include it.",
            "The orchestration's timestamps are its replay clock: `startedAt` is when the episode that began the round started, `endedAt` when the episode that counted the last ballot started, "
                + "so the round includes the wait for the last result's message but not the count itself or the writes that follow it.",
            "The model: simulated, answering at once and always right; a real model adds at least its slowest voter's call to every round.",
        };
        if (first is { EndToEnd: { } whole } && first.Finished.Count > 0)
        {
            var perProposal = first.Cpu.Processes.Where(p => p.Label != "benchmark").Sum(p => p.Cpu.TotalMilliseconds) / first.Finished.Count;
            bounds.Add($"CPU: the local host and Azurite spent {Units.Ms(perProposal)} of CPU per proposal ({first.Label}) against a mean end to end of {Units.Ms(whole.Mean)}, "
                + $"about {Units.Cores(perProposal / whole.Mean)} cores busy while a proposal was in flight on this {Environment.ProcessorCount}-core machine: even one proposal at a time "
                + "is partly bound by CPU here (every orchestration episode and entity operation reads and writes its history and state in Table storage, and Azurite serves it all from one JavaScript thread).");
        }

        foreach (var run in runs)
        {
            bounds.Add($"CPU ({run.Label}) {Units.Cpu(run.Cpu)}.");
        }

        report.Heading(3, "What bounds these numbers");
        report.Bullets(bounds);
    }

    static string Verdict(LatencySummary? summary) => summary switch
    {
        null => "n/a (none finished)",
        { P99: < ClaimMs } s => $"**met**: p50 {Units.Ms(s.P50)}, p95 {Units.Ms(s.P95)}, p99 {Units.Ms(s.P99)}",
        { P95: < ClaimMs } s => $"**met up to p95**, not at p99: p50 {Units.Ms(s.P50)}, p95 {Units.Ms(s.P95)}, p99 {Units.Ms(s.P99)}",
        { P50: < ClaimMs } s => $"**met at the median only**: p50 {Units.Ms(s.P50)}, p95 {Units.Ms(s.P95)}, p99 {Units.Ms(s.P99)}",
        { } s => $"**not met**: p50 {Units.Ms(s.P50)}, p95 {Units.Ms(s.P95)}, min {Units.Ms(s.Min)}",
    };

    static IReadOnlyList<string> Row(string measure, IReadOnlyList<ConsensusRoundRun> runs, Func<ConsensusRoundRun, string> cell) => [measure, .. runs.Select(cell)];

    static string Rejected(ProposalSequenceResult run) =>
        run.Rejected.FirstOrDefault() is { } rejected ? $"; {Units.Count(run.Rejected.Count())} not accepted, e.g. {rejected.Submission.Status}: {rejected.Submission.Problem}" : string.Empty;

    static string Undecided(ProposalSequenceResult run) =>
        run.Finished.FirstOrDefault(o => o.Last is { IsDecided: false }) is { } undecided ? $"; e.g. {undecided.Last!.Status}: {undecided.Last.Reason}" : string.Empty;
}
