using System.Globalization;
using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Load;
using Swarm.Benchmarks.Measurement;
using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>
/// What an agent's tool loop costs on the persistent backend (local host on Azurite), with a simulated model that
/// answers at once, so the numbers are the swarm's own. Five kinds of <c>single</c> task, each on an agent of its own:
/// no tools (the baseline), <c>memory_put</c> offered but never called, 1 round of 1 call, 5 rounds of 1 call (the
/// sequential worst case for 5 calls) and 1 round of 5 calls at once; and the same 5 memory writes made directly
/// through the API, one after another and all at once, each read back until applied. All are run one at a time and
/// interleaved, so a change in the machine's load touches every kind alike. From them: the cost of one tool round trip,
/// and the overhead of a 5-tool-call task against the same calls made directly. Run on a host with the default queue
/// polling and, when <c>--host-setting</c> does not fix it, again on one whose idle queues are polled at least every 100 ms.
/// </summary>
sealed class ToolLoopScenario(BenchmarkOptions options, StorageEndpoint? storage) : IScenario
{
    const int WarmUps = 2;

    /// <summary>The calls of the 5-tool-call tasks, and the writes of each direct sequence.</summary>
    const int Writes = 5;

    /// <summary>Short, because only one task is in flight; the numbers use the host's completion time, not the poll's.</summary>
    static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(20);

    /// <summary>The pause between reads of a direct write: the resolution of "applied".</summary>
    static readonly TimeSpan ReadPause = TimeSpan.FromMilliseconds(5);

    static readonly ToolLoopVariant None = new("toolsnone", "no tools (baseline)", Tools: false, Rounds: 0, CallsPerRound: 1);
    static readonly ToolLoopVariant Offered = new("toolsoffered", "`memory_put` offered, 0 rounds", Tools: true, Rounds: 0, CallsPerRound: 1);
    static readonly ToolLoopVariant OneRound = new("tools1x1", "1 round of 1 `memory_put`", Tools: true, Rounds: 1, CallsPerRound: 1);
    static readonly ToolLoopVariant FiveRounds = new("tools5x1", "5 rounds of 1 `memory_put`", Tools: true, Rounds: Writes, CallsPerRound: 1);
    static readonly ToolLoopVariant FiveAtOnce = new("tools1x5", "1 round of 5 `memory_put` at once", Tools: true, Rounds: 1, CallsPerRound: Writes);
    static readonly ToolLoopVariant[] Variants = [None, Offered, OneRound, FiveRounds, FiveAtOnce];

    public string Name => "tools";

    public string Title => "Agents that act: the cost of a tool round trip on Azurite";

    public async Task RunAsync(MarkdownReport report, CancellationToken cancellationToken)
    {
        var configurations = PollingHosts.For(options);
        var pollingFixed = PollingHosts.Fixed(options);

        var runs = new List<ToolLoopRun>();
        var stopped = false;
        try
        {
            foreach (var (label, extra) in configurations)
            {
                var run = await RunOnHostAsync(label, extra, cancellationToken);
                runs.Add(run);
                if (run.TimedOut)
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
            throw new TimeoutException($"The scenario's time ran out during the {(runs.Count < configurations.Count ? configurations[runs.Count].Label : runs[^1].Label)} run; "
                + "the numbers above count only what finished (`--tool-samples` sets how many of each kind are run, `--timeout` how long the scenario may take).");
        }
    }

    async Task<ToolLoopRun> RunOnHostAsync(string label, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["providers__simulated__latencyMs"] = "0",
            ["providers__simulated__latencyJitterMs"] = "0",
        };
        foreach (var variant in Variants)
        {
            var profile = $"providers__simulated__profiles__{variant.Name}__";
            settings[profile + "latencyMs"] = "0";
            settings[profile + "latencyJitterMs"] = "0";
            settings[profile + "toolRounds"] = LocalHostSetup.Setting(variant.Rounds);
            settings[profile + "toolCallsPerRound"] = LocalHostSetup.Setting(variant.CallsPerRound);
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        await using var host = await LocalHostSetup.StartAsync(storage, options, Name, settings, cancellationToken);
        await LocalHostSetup.RunFirstTaskAsync(host, cancellationToken);
        Progress.Write($"{Name} ({label}): creating {Variants.Length} agents");
        foreach (var variant in Variants)
        {
            var created = await host.Api.CreateToolAgentAsync(variant.Name, variant.Name, variant.Name, variant.Tools ? ["memory_put"] : [], maxConcurrency: 2, cancellationToken);
            if (!created.Created)
            {
                throw new InvalidOperationException($"The agent for '{variant.Label}' was not created ({created.Status}: {created.Problem}):{Environment.NewLine}{host.RecentOutput}");
            }
        }

        var writes = new DirectMemoryWrites(host.Api, ReadPause);
        Progress.Write($"{Name} ({label}): warm-up ({WarmUps} of each kind)");
        for (var i = 0; i < WarmUps; i++)
        {
            foreach (var variant in Variants)
            {
                var warm = await new TaskBatch(host.Api, clients: 1, PollPause, variant.Name).RunAsync(1, $"tools warm-up {variant.Name} {i}", cancellationToken);
                if (warm.Outcomes.SingleOrDefault()?.Last is not { IsCompleted: true } && !warm.TimedOut)
                {
                    var outcome = warm.Outcomes.SingleOrDefault();
                    throw new InvalidOperationException(
                        $"A warm-up task for '{variant.Label}' did not complete ({warm.Submissions.SingleOrDefault()?.Problem ?? outcome?.Last?.ErrorMessage ?? outcome?.Last?.Status ?? "no answer"}):{Environment.NewLine}{host.RecentOutput}");
                }
            }

            await writes.RunAsync($"direct-warm-seq-{i}", Writes, parallel: false, cancellationToken);
            await writes.RunAsync($"direct-warm-par-{i}", Writes, parallel: true, cancellationToken);
        }

        Progress.Write($"{Name} ({label}): {options.ToolSamples} of each kind, one at a time, interleaved");
        var tasks = Variants.ToDictionary(v => v.Name, _ => new List<TaskOutcome>(), StringComparer.Ordinal);
        var sequential = new List<DirectWriteRun>();
        var parallel = new List<DirectWriteRun>();
        var kinds = new List<Func<int, Task<bool>>>();
        foreach (var variant in Variants)
        {
            kinds.Add(async i =>
            {
                var one = await new TaskBatch(host.Api, clients: 1, PollPause, variant.Name).RunAsync(1, $"tools bench {variant.Name} sample {i}", cancellationToken);
                tasks[variant.Name].AddRange(one.Outcomes);
                return !one.TimedOut;
            });
        }

        kinds.Add(async i =>
        {
            sequential.Add(await writes.RunAsync($"direct-seq-{i}", Writes, parallel: false, cancellationToken));
            return true;
        });
        kinds.Add(async i =>
        {
            parallel.Add(await writes.RunAsync($"direct-par-{i}", Writes, parallel: true, cancellationToken));
            return true;
        });

        var cpu = CpuWindow.Start(LocalHostSetup.MeasuredProcesses(host, storage));
        var timedOut = false;
        try
        {
            // Each sample runs every kind once, starting one further along each time, so no kind always follows the same one.
            for (var i = 0; i < options.ToolSamples && !timedOut; i++)
            {
                for (var j = 0; j < kinds.Count && !timedOut; j++)
                {
                    timedOut = !await kinds[(i + j) % kinds.Count](i);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }

        return new ToolLoopRun(
            label, [.. LocalHostSetup.DescribeSettings(host, settings, options)], host.Settings.Durable.MaxQueuePollingIntervalMs, host.Settings.Durable.PartitionCount,
            tasks, sequential, parallel, options.ToolSamples, cpu.Stop(), timedOut);
    }

    static void Write(MarkdownReport report, List<ToolLoopRun> runs, bool pollingFixed)
    {
        report.Paragraph(
            $"Five simulated specialist agents, one per kind of task, each with an expertise of its own that its tasks name (`strategy: single`), so each task goes to its kind's agent. "
            + "Every agent's model is a simulated profile answering in 0 ms with no jitter, so what is measured is the swarm's own cost, not a model's. The kinds: "
            + string.Join("; ", Variants.Select(v => $"**{v.Label}** (`{v.Name}`: {(v.Tools ? $"tools `[\"memory_put\"]`, `toolRounds` {v.Rounds}, `toolCallsPerRound` {v.CallsPerRound}" : "no tools")}; "
                + $"{v.ExpectedTurns} model call{(v.ExpectedTurns == 1 ? string.Empty : "s")}, {v.ExpectedToolCalls} tool call{(v.ExpectedToolCalls == 1 ? string.Empty : "s")})"))
            + $". The simulated model writes each `memory_put` to the task's own namespace (the default), with a key and a value of its own. "
            + $"And, with no agent, the same {Writes} memory writes made directly through the API, to a fresh namespace each time as each task's is fresh: "
            + $"each `PUT /api/v1/memory/{{namespace}}/{{key}}`, then `GET`s of the key every {Units.Ms(ReadPause)} until it reads the value back, "
            + "because the PUT's 202 only accepts the write (a durable signal) while a `memory_put` call returns once the namespace's entity has applied it (an entity call); "
            + "**one after another** (each write read back before the next; the counterpart of 5 rounds of 1) and **all at once** (the counterpart of 1 round of 5).");
        report.Paragraph(
            $"Everything runs one at a time: a task is submitted once the one before it finished (polled every {Units.Ms(PollPause)} or so; the figures use the host's completion time, not the poll). "
            + $"Each sample runs every kind once, in an order that starts one kind further along each sample, so drift in the machine's load reaches every kind alike. "
            + $"{WarmUps} warm-up rounds of every kind on each host (after its first task) are not counted. Latencies are nearest-rank percentiles; a per-round cost is a difference of two distributions' "
            + "percentiles divided by the rounds, not a percentile of paired differences (the samples are not paired), so read its p95 as the tail's growth, not as a tail of its own. "
            + PollingHosts.Note(pollingFixed));
        foreach (var run in runs)
        {
            report.Paragraph($"**Host: {run.Label}.**");
            report.Bullets(run.Settings);
        }

        foreach (var run in runs)
        {
            WriteRun(report, run, runs.Count > 1);
        }

        WriteBounds(report, runs);
    }

    static void WriteRun(MarkdownReport report, ToolLoopRun run, bool named)
    {
        report.Heading(3, named ? $"Results, host: {run.Label}" : "Results");
        var counts = Variants.Select(v => $"{v.Label}: {Units.Count(run.Kept(v).Count)} of {Units.Count(run.Tasks[v.Name].Count)}").ToList();
        var odd = Variants.SelectMany(v => run.Odd(v).Select(o => (v, o))).FirstOrDefault();
        report.Paragraph(
            $"Measured (completed with the expected model calls and tool calls, of those run; {Units.Count(run.Samples)} of each asked for): {string.Join("; ", counts)}; "
            + $"direct writes one after another {Units.Count(run.SequentialApplied.Count)} of {Units.Count(run.Sequential.Count)} sequences all read back, "
            + $"all at once {Units.Count(run.ParallelApplied.Count)} of {Units.Count(run.Parallel.Count)}."
            + (odd is ({ } oddKind, { } outcome)
                ? $" Not measured, e.g. a '{oddKind.Label}' task: {outcome.Last?.Status ?? "never seen"}"
                    + (outcome.Last is { } last ? $", turns {last.Turns?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}, tool calls {last.ToolCalls?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}{(last.ErrorMessage is { } error ? $", {last.ErrorType}: {error}" : string.Empty)}" : string.Empty) + "."
                : string.Empty)
            + $" Wall time of the measured part {Units.Seconds(run.Cpu.Wall)}.");

        var rows = new List<(string, LatencySummary?)>();
        foreach (var variant in Variants)
        {
            rows.Add(($"**{variant.Label}**: end to end, POST until the host's `lastUpdatedAt`", ToolLoopRun.Of(run.EndToEnd(variant))));
        }

        foreach (var variant in Variants)
        {
            rows.Add(($"{variant.Label}: the agent's step, `claimedAt` to `answeredAt`", ToolLoopRun.Of(run.Step(variant))));
        }

        rows.Add(($"Model calls of {FiveRounds.Label}, summed as the activities timed them", ToolLoopRun.Of(run.ModelTime(FiveRounds))));
        rows.Add(($"**Direct: {Writes} writes one after another**, first PUT until the last read back", ToolLoopRun.Of(run.SequentialApplied.Select(r => r.Elapsed.TotalMilliseconds))));
        rows.Add(($"**Direct: {Writes} writes at once**, first PUT until the last read back", ToolLoopRun.Of(run.ParallelApplied.Select(r => r.Elapsed.TotalMilliseconds))));
        rows.Add(("Direct, one write (one after another): PUT until read back", ToolLoopRun.Of(run.Sequential.SelectMany(r => r.Writes).Where(w => w.Applied is not null).Select(w => w.Applied!.Value.TotalMilliseconds))));
        rows.Add(("Direct, one write: PUT until its 202 (accepted, not yet applied)", ToolLoopRun.Of(run.Sequential.SelectMany(r => r.Writes).Select(w => w.Accepted.TotalMilliseconds))));
        report.LatencyTable(rows);

        report.Paragraph("**Cost of one tool round trip**: (latency with k rounds − latency without) / k, at p50 and at p95, end to end and over the agent's step alone "
            + "(the step leaves out submission, the dispatcher's seat claim and release, and completion, which every kind pays once).");
        report.Table(
            ["Round trip", "k", "n (with / without)", "end to end p50", "end to end p95", "step p50", "step p95"],
            new List<IReadOnlyList<string>>
            {
                PerRound($"{OneRound.Label}, against {None.Label}", run, OneRound, None, 1),
                PerRound($"**{FiveRounds.Label}, against {None.Label}**", run, FiveRounds, None, Writes),
                PerRound($"{OneRound.Label}, against {Offered.Label}", run, OneRound, Offered, 1),
                PerRound($"{FiveRounds.Label}, against {Offered.Label}", run, FiveRounds, Offered, Writes),
                PerRound($"Rounds 2 to 5 alone: {FiveRounds.Label} against {OneRound.Label}", run, FiveRounds, OneRound, Writes - 1),
                PerRound($"{FiveAtOnce.Label} (one round), against {Offered.Label}", run, FiveAtOnce, Offered, 1),
                PerRound($"Having tools at all (memory recall before the first turn): {Offered.Label} against {None.Label}", run, Offered, None, 1),
            });

        var model = run.ModelTime(FiveRounds);
        var modelAtOnce = run.ModelTime(FiveAtOnce);
        var sequential = run.SequentialApplied.Select(r => r.Elapsed.TotalMilliseconds).ToList();
        var atOnce = run.ParallelApplied.Select(r => r.Elapsed.TotalMilliseconds).ToList();
        var plain = run.EndToEnd(None);
        report.Paragraph(
            $"**A 5-tool-call task against the same calls made directly.** The direct counterpart of a sample is its sequence of {Writes} direct writes plus the model calls the loop made "
            + $"({FiveRounds.ExpectedTurns} for 5 rounds, {FiveAtOnce.ExpectedTurns} for 1 round), at the time the model-call activities measured for them in the matching task "
            + "(the n-th sequence with the n-th task): what a client calling the model itself and writing memory through the API would wait for, with no task, no seat and no durable loop. "
            + "The last row instead gives the client a plain task for its answer (the no-tools task, end to end) and has it make the 5 writes itself: the loop against doing the tool work outside it.");
        report.Table(
            ["Task", "against", "n", "task p50 / p95", "direct p50 / p95", "**ratio** p50 / p95", "task − direct p50 / p95"],
            new List<IReadOnlyList<string>>
            {
                Overhead(FiveRounds, $"{Writes} writes one after another + the model calls", run.EndToEnd(FiveRounds), Pair(sequential, model)),
                Overhead(FiveAtOnce, $"{Writes} writes at once + the model calls", run.EndToEnd(FiveAtOnce), Pair(atOnce, modelAtOnce)),
                Overhead(FiveRounds, $"a plain task + {Writes} writes one after another", run.EndToEnd(FiveRounds), Pair(sequential, plain)),
            });
    }

    static IReadOnlyList<string> PerRound(string label, ToolLoopRun run, ToolLoopVariant with, ToolLoopVariant without, int rounds)
    {
        var (wholeWith, wholeWithout) = (ToolLoopRun.Of(run.EndToEnd(with)), ToolLoopRun.Of(run.EndToEnd(without)));
        var (stepWith, stepWithout) = (ToolLoopRun.Of(run.Step(with)), ToolLoopRun.Of(run.Step(without)));
        return
        [
            label,
            Units.Count(rounds),
            $"{Units.Count(wholeWith?.Count ?? 0)} / {Units.Count(wholeWithout?.Count ?? 0)}",
            Difference(wholeWith?.P50, wholeWithout?.P50, rounds),
            Difference(wholeWith?.P95, wholeWithout?.P95, rounds),
            Difference(stepWith?.P50, stepWithout?.P50, rounds),
            Difference(stepWith?.P95, stepWithout?.P95, rounds),
        ];
    }

    static string Difference(double? with, double? without, int rounds) => with is { } w && without is { } o ? Units.Ms((w - o) / rounds) : "n/a";

    /// <summary>The n-th of one list with the n-th of the other, summed, as far as both go.</summary>
    static List<double> Pair(IReadOnlyList<double> first, IReadOnlyList<double> second) => [.. first.Zip(second, (a, b) => a + b)];

    static IReadOnlyList<string> Overhead(ToolLoopVariant task, string against, IReadOnlyList<double> taskLatencies, IReadOnlyList<double> direct)
    {
        var (t, d) = (ToolLoopRun.Of(taskLatencies), ToolLoopRun.Of(direct));
        return
        [
            task.Label,
            against,
            $"{Units.Count(t?.Count ?? 0)} / {Units.Count(d?.Count ?? 0)}",
            t is null ? "n/a" : $"{Units.Ms(t.P50)} / {Units.Ms(t.P95)}",
            d is null ? "n/a" : $"{Units.Ms(d.P50)} / {Units.Ms(d.P95)}",
            t is null || d is null || d.P50 <= 0 || d.P95 <= 0 ? "n/a" : $"**{Ratio(t.P50 / d.P50)}** / {Ratio(t.P95 / d.P95)}",
            t is null || d is null ? "n/a" : $"{Units.Ms(t.P50 - d.P50)} / {Units.Ms(t.P95 - d.P95)}",
        ];
    }

    static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    static void WriteBounds(MarkdownReport report, List<ToolLoopRun> runs)
    {
        var first = runs.Count > 0 ? runs[0] : null;
        var bounds = new List<string>
        {
            "A tool round is, in durable terms, three round trips through Azurite, none of them through the dispatcher: the model call (`InvokeAgentActivity`: a work-item message out, "
                + "its result back on the orchestration's control queue), the `memory_put` (an entity call to the task namespace's `MemoryEntity`: a request message to the entity's "
                + "control-queue partition, its work item, a response message back), and the round's audit record (`RecordToolCallsActivity`: one more activity round trip, with a Table write). "
                + "Each answer wakes the orchestration, which (extended sessions being off: `AzureStorageBackend` leaves `ExtendedSessionsEnabled` at its default, false) reads its history "
                + "from the History table and replays it, so every round adds history that the later rounds' episodes read again.",
            "The fixed costs are paid once per task whatever its rounds: submission, the dispatcher entity's seat claim and release (one entity through which every step of every task passes), "
                + "the final model call and completion; and, for an agent with tools only, memory recall before its first turn (a `Search` entity call to each namespace it may read: its own and "
                + "the task's, at once). The baseline rows and the row 'having tools at all' separate these from the per-round cost.",
            "Five calls in one round run at once: five entity calls to the same namespace entity, which applies its operations one at a time (possibly several per work item), then one "
                + "audit activity for the round, then one more model call; five rounds of one pay the model call, the audit activity and the replay five times over.",
            "Direct writes: a PUT is an HTTP request whose handler sends the entity a signal (a queue message) and answers 202; the write is applied when the entity's work item runs, "
                + $"and the read back (`GET`, which reads the entity's state through the durable client) sees it only after that. Reads every {Units.Ms(ReadPause)} set the resolution, "
                + "and the reads themselves add load on the host and Azurite that the task path does not have.",
            "Queue polling: a queue found empty is polled less and less often, up to `durable.maxQueuePollingIntervalMs`; with one thing at a time the queues go idle between steps, "
                + "so a message can wait for the next poll. "
                + (runs.Count > 1 && PerRoundP50(runs[0]) is { } slow && PerRoundP50(runs[1]) is { } fast
                    ? $"Per round (5 rounds against none, end to end p50): {Units.Ms(slow)} with {runs[0].MaxQueuePollingIntervalMs} ms, {Units.Ms(fast)} with {runs[1].MaxQueuePollingIntervalMs} ms"
                        + (fast < slow * 0.8
                            ? ": faster polling shortens a round, so its messages do wait on backed-off queues."
                            : ": within a loop, messages follow each other closely enough that the queues rarely back off far, so the interval matters little for a round.")
                        + (ToolLoopRun.Of(runs[0].EndToEnd(None)) is { } slowPlain && ToolLoopRun.Of(runs[1].EndToEnd(None)) is { } fastPlain
                            ? $" The task's fixed part, where the queues have been idle longest (its start and seat claim after the previous task ended), is another matter: the no-tools task's end to end p50 {Units.Ms(slowPlain.P50)} with {runs[0].MaxQueuePollingIntervalMs} ms, {Units.Ms(fastPlain.P50)} with {runs[1].MaxQueuePollingIntervalMs} ms."
                            : string.Empty)
                    : string.Empty),
            first is not null && ToolLoopRun.Of(first.Step(FiveAtOnce)) is { } atOnce && ToolLoopRun.Of(first.Step(OneRound)) is { } single
                ? $"One round of five calls at once against one round of one ({first.Label}, the agent's step, p50): {Units.Ms(atOnce.P50)} against {Units.Ms(single.P50)}. "
                    + "Besides what the bullet above says, the five responses can reach the orchestration in more than one batch, each waking it for a replay of its own. "
                    + "The direct writes at once are five signals that need no responses, which one entity work item can apply together."
                : "One round of five calls at once: nothing measured.",
            "The model: simulated at 0 ms, so a real model's time adds to each turn (one more turn per round, and the final one) on top of what is measured here.",
        };
        if (first is not null && first.Kept(FiveRounds).Count > 0 && ToolLoopRun.Of(first.EndToEnd(FiveRounds)) is { } whole)
        {
            var tasks = Variants.Sum(v => first.Kept(v).Count);
            var perSecond = first.Cpu.Processes.Where(p => p.Label != "benchmark").Sum(p => p.Cpu.TotalSeconds) / first.Cpu.Wall.TotalSeconds;
            bounds.Add($"CPU ({first.Label}): the local host and Azurite together kept {Units.Cores(perSecond)} of the machine's {first.Cpu.Cores} cores busy on average while one thing at a time ran "
                + $"({Units.Count(tasks)} tasks and {Units.Count(first.Sequential.Count + first.Parallel.Count)} direct sequences; the 5-round task's mean end to end {Units.Ms(whole.Mean)}). "
                + "Every orchestration episode and entity operation reads and writes its history and state in Table storage, and Azurite serves it all from one JavaScript thread, "
                + "so on a machine this size even one task at a time is partly bound by CPU, and other programs' load shows in every number.");
        }

        foreach (var run in runs)
        {
            bounds.Add($"CPU ({run.Label}) {Units.Cpu(run.Cpu)}.");
        }

        report.Heading(3, "What bounds these numbers");
        report.Bullets(bounds);
    }

    static double? PerRoundP50(ToolLoopRun run) =>
        ToolLoopRun.Of(run.EndToEnd(FiveRounds)) is { } with && ToolLoopRun.Of(run.EndToEnd(None)) is { } without ? (with.P50 - without.P50) / Writes : null;
}
