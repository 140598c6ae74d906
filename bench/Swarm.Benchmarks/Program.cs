using Swarm.Benchmarks;
using Swarm.Benchmarks.Hosting;
using Swarm.Benchmarks.Learning;
using Swarm.Benchmarks.Reporting;
using Swarm.Benchmarks.Scenarios;

// Measures the swarm's task path on this machine and prints a Markdown report; ./bench.sh builds it, starts Azurite and
// runs it. Exit code: 0 when every scenario ran to the end, 1 when one failed or timed out, 2 on bad options.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

// SIGTERM (kill, pkill, a CI timeout) stops the run as Ctrl-C does, so every host and Azurite it started is stopped
// on the way out rather than left running.
using var terminated = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupted.Cancel();
});

var storage = StorageEndpoint.FromEnvironment();

// The baseline runs first; the task scenarios after it report their figures as ratios to what it measured.
var baseline = new Swarm.Benchmarks.Baseline.PeerBaseline();
IScenario[] scenarios =
[
    new BaselineScenario(options, storage, baseline),
    new ThroughputScenario(options, storage, baseline),
    new ApiLatencyScenario(options, storage),
    new OverheadScenario(options, storage, baseline),
    new RealtimeNoticeScenario(options, storage),
    new TokenStreamScenario(options, storage),
    new AgentMessageScenario(options, storage),
    new MemoryScenario(options, storage),
    new InMemoryEngineScenario(options),
    new ConsensusRoundScenario(options, storage),
    new ConsensusAccuracyScenario(options),
    new StorageScenario(options),
    new ToolLoopScenario(options, storage),
    new LearningCurveScenario(options),
    new HostsScenario(options, storage),
];

// What else keeps the machine busy, measured before anything of the benchmark's own runs.
var idle = Swarm.Benchmarks.Measurement.CpuWindow.Start();
try
{
    await Task.Delay(TimeSpan.FromSeconds(2), interrupted.Token);
}
catch (OperationCanceledException)
{
    return 130;
}

var report = new MarkdownReport();
ReportHeader.Write(report, options, MachineInfo.Read(), idle.Stop(), args);
var incomplete = 0;
var number = 0;
foreach (var scenario in scenarios.Where(s => options.Runs(s.Name)))
{
    report.Heading(2, $"{++number}. {scenario.Title}");
    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token);
    timeout.CancelAfter(options.TimeoutFor(scenario.Name));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        await scenario.RunAsync(report, timeout.Token);
        Progress.Write($"{scenario.Name}: done in {Units.Seconds(clock.Elapsed)}");
    }
    catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested))
    {
        incomplete++;
        var what = interrupted.IsCancellationRequested ? "Interrupted" : "Timed out";
        var after = $"after {Units.Seconds(clock.Elapsed)} (`--timeout` {Units.Seconds(options.TimeoutFor(scenario.Name))}).";
        report.Callout(e is TimeoutException
            ? $"**{what}** {after} {e.Message}"
            : $"**{what}** {after} The scenario was stopped; whatever it had measured is above.");
        Progress.Write($"{scenario.Name}: {what.ToLowerInvariant()} {after}");
    }
#pragma warning disable CA1031 // One scenario's failure is reported and the others still run.
    catch (Exception e)
#pragma warning restore CA1031
    {
        incomplete++;
        report.Callout($"**Failed:** {e.GetType().Name}: {e.Message.Split(Environment.NewLine)[0]}");
        report.Code(e.ToString());
        Progress.Write($"{scenario.Name}: failed: {e.Message}");
    }

    if (interrupted.IsCancellationRequested)
    {
        break;
    }
}

var text = report.ToString();
Console.Out.Write(text);
if (options.OutPath is { } path)
{
    await File.WriteAllTextAsync(path, text);
    Progress.Write($"report written to {path}");
}

return incomplete == 0 ? 0 : 1;
