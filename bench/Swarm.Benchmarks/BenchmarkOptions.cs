using System.Globalization;

namespace Swarm.Benchmarks;

/// <summary>What to run and how hard, from the command line (<c>./bench.sh [options]</c>).</summary>
sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: ./bench.sh [options]

          --scenario NAME           all (default), baseline, throughput, api, overhead, realtime, stream, messages,
                                    memory, inmemory, consensus-round, consensus-accuracy, storage, tools, learning or hosts; repeat or
                                    comma-separate for several (throughput and overhead bring baseline with them: they
                                    report ratios to it)
          --agents N                simulated worker agents created for the throughput and overhead runs, and the
                                    memory scenario's middle stage (default 50)
          --tasks N                 tasks in the throughput run and the baseline's batch (default 500)
          --clients N               concurrent HTTP clients submitting tasks and creating agents (default 16)
          --api-finished-tasks N    tasks the api scenario runs to their end before its clients start (default 1000)
          --api-seed-in-flight N    the most of those tasks accepted and not yet seen finished at once: a client
                                    waits for one to finish before it submits more, so the hub is seeded at the rate
                                    it finishes work rather than piling up a backlog (default 64; 0: no bound)
          --api-clients N           concurrent clients in the api scenario (default 20)
          --api-seconds N           how long the api scenario's clients run (default 60)
          --api-interval-ms N       each api client's pace: one request every N ms (default 300)
          --overhead-tasks N        tasks run one at a time on a 1 s simulated model call, and as many plain
                                    orchestrations in the baseline when the overhead scenario runs (default 20)
          --realtime-tasks N        tasks run one at a time, each announced on the real-time channel, and as many
                                    streamed tasks and direct streaming calls in the stream scenario (default 30)
          --messages N              agent-to-agent messages sent one at a time in the messages scenario, after 20
                                    warm-up rounds, and as many of each baseline (default 200)
          --memory-agents N         agents in the memory scenario's last stage (default 500)
          --inmemory-orchestrations N
                                    agent turns started at once on the in-memory engine (default 100)
          --consensus-proposals N   10-agent simple-majority proposals run one at a time on each host of the
                                    consensus-round scenario (default 30)
          --accuracy-questions N    simulated questions per cell of the consensus-accuracy tables (default 1000)
          --storage-tasks N         tasks in each of the storage scenario's two batches, the swarm's and the
                                    plain orchestration baseline's (default 150)
          --tool-samples N          tasks of each kind the tools scenario runs one at a time (no tools; tools offered
                                    but not called; 1 round of 1 memory_put; 5 rounds of 1; 1 round of 5), and as
                                    many sequences of 5 memory writes made directly through the API, one after another
                                    and all at once, on each of the scenario's two hosts (default 20)
          --learning-tasks N        tasks in sequence per seed in the learning scenario; a better agent joins
                                    half-way (default 1000, at least 400)
          --learning-seeds N        seeds per variant in the learning scenario (default 20: on 5, one seed more or
                                    less moves a variant's mean gap by a point or more)
          --chart FILE              where the learning scenario writes its chart (default
                                    docs/benchmarks/learning-curve.svg)
          --storage-log DIR         also write the Azurite access log lines of the storage, baseline and throughput
                                    scenarios' measured windows to DIR (swarm-window.log, baseline-window.log,
                                    plainorchestration-window.log, swarmsingletasks-window.log)
          --dispatch-shards LIST    the hosts scenario's dispatch:shards values, comma-separated, each run with 1, 2
                                    and 3 hosts (default 1)
          --timeout SECONDS         the most one scenario may take before it is stopped and reported as timed out
                                    (default 180; the learning scenario gets at least 45 s per seed of 1,000 tasks)
          --host-setting KEY=VALUE  an extra environment variable for the local host, e.g.
                                    durable__maxQueuePollingIntervalMs=100 (repeatable; applied last)
          --out FILE                also write the report to FILE
          --azurite-in-memory       (read by ./bench.sh) run Azurite with --inMemoryPersistence: it writes nothing
                                    to disk, where by default it saves its whole table database every 5 s
          -h, --help                this text

        The report goes to standard output, progress to standard error.
        """;

    public static readonly IReadOnlyList<string> ScenarioNames = ["baseline", "throughput", "api", "overhead", "realtime", "stream", "messages", "memory", "inmemory", "consensus-round", "consensus-accuracy", "storage", "tools", "learning", "hosts"];

    public IReadOnlyList<string> Scenarios { get; init; } = ScenarioNames;

    public int Agents { get; init; } = 50;

    public int Tasks { get; init; } = 500;

    public int Clients { get; init; } = 16;

    public int ApiFinishedTasks { get; init; } = 1_000;

    public int ApiSeedInFlight { get; init; } = 64;

    public int ApiClients { get; init; } = 20;

    public int ApiSeconds { get; init; } = 60;

    public int ApiIntervalMs { get; init; } = 300;

    public int OverheadTasks { get; init; } = 20;

    public int RealtimeTasks { get; init; } = 30;

    public int Messages { get; init; } = 200;

    public int MemoryAgents { get; init; } = 500;

    public int InMemoryOrchestrations { get; init; } = 100;

    public int ConsensusProposals { get; init; } = 30;

    public int AccuracyQuestions { get; init; } = 1_000;

    public int StorageTasks { get; init; } = 150;

    public int ToolSamples { get; init; } = 20;

    public int LearningTasks { get; init; } = 1_000;

    public int LearningSeeds { get; init; } = 20;

    public string? ChartPath { get; init; }

    public string? StorageLogFolder { get; init; }

    public IReadOnlyList<int> DispatchShards { get; init; } = [1];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>
    /// The most <paramref name="scenario"/> may take: <see cref="Timeout"/>, and for the learning scenario at least 45 s per
    /// seed of 1,000 tasks (20 seeds took 468 s on a busy 2-core machine), so more seeds do not need their own flag.
    /// </summary>
    public TimeSpan TimeoutFor(string scenario) =>
        string.Equals(scenario, "learning", StringComparison.Ordinal)
            ? TimeSpan.FromSeconds(Math.Max(Timeout.TotalSeconds, 45.0 * LearningSeeds * LearningTasks / 1_000))
            : Timeout;

    public IReadOnlyList<KeyValuePair<string, string>> HostSettings { get; init; } = [];

    public string? OutPath { get; init; }

    public bool ShowHelp { get; init; }

    public bool Runs(string scenario) => Scenarios.Contains(scenario, StringComparer.Ordinal);

    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a value out of range.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        var scenarios = new List<string>();
        var hostSettings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Count(int min, int max) => ParseCount(name, Value(), min, max);
            options = name switch
            {
                "-h" or "--help" => options with { ShowHelp = true },
                "--scenario" => AddScenarios(options, scenarios, Value()),
                "--agents" => options with { Agents = Count(1, 5_000) },
                "--tasks" => options with { Tasks = Count(1, 100_000) },
                "--clients" => options with { Clients = Count(1, 512) },
                "--api-finished-tasks" => options with { ApiFinishedTasks = Count(0, 100_000) },
                "--api-seed-in-flight" => options with { ApiSeedInFlight = Count(0, 100_000) },
                "--api-clients" => options with { ApiClients = Count(1, 512) },
                "--api-seconds" => options with { ApiSeconds = Count(5, 3_600) },
                "--api-interval-ms" => options with { ApiIntervalMs = Count(0, 60_000) },
                "--overhead-tasks" => options with { OverheadTasks = Count(1, 1_000) },
                "--realtime-tasks" => options with { RealtimeTasks = Count(1, 1_000) },
                "--messages" => options with { Messages = Count(1, 10_000) },
                "--memory-agents" => options with { MemoryAgents = Count(1, 9_999) },
                "--inmemory-orchestrations" => options with { InMemoryOrchestrations = Count(1, 1_000_000) },
                "--consensus-proposals" => options with { ConsensusProposals = Count(1, 1_000) },
                "--accuracy-questions" => options with { AccuracyQuestions = Count(1, 100_000) },
                "--storage-tasks" => options with { StorageTasks = Count(1, 100_000) },
                "--tool-samples" => options with { ToolSamples = Count(1, 1_000) },
                "--learning-tasks" => options with { LearningTasks = Count(400, 100_000) },
                "--learning-seeds" => options with { LearningSeeds = Count(1, 100) },
                "--chart" => options with { ChartPath = Value() },
                "--storage-log" => options with { StorageLogFolder = Value() },
                "--dispatch-shards" => options with { DispatchShards = ParseCounts(name, Value(), 1, 16) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Count(10, 86_400)) },
                "--host-setting" => AddHostSetting(options, hostSettings, Value()),
                "--out" => options with { OutPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        if (options.Runs("memory") && options.MemoryAgents < options.Agents)
        {
            throw new ArgumentException($"--memory-agents ({options.MemoryAgents}) must be at least --agents ({options.Agents}): the memory scenario grows the swarm from one to the other.");
        }

        return options;
    }

    static List<int> ParseCounts(string name, string value, int min, int max)
    {
        List<int> counts = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => ParseCount(name, v, min, max)).Distinct()];
        return counts.Count > 0 ? counts : throw new ArgumentException($"{name} needs at least one number from {min} to {max}.");
    }

    static BenchmarkOptions AddScenarios(BenchmarkOptions options, List<string> scenarios, string value)
    {
        foreach (var scenario in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (scenario == "all")
            {
                scenarios.AddRange(ScenarioNames);
            }
            else if (ScenarioNames.Contains(scenario, StringComparer.Ordinal))
            {
                scenarios.Add(scenario);
            }
            else
            {
                throw new ArgumentException($"Unknown scenario '{scenario}'; scenarios: all, {string.Join(", ", ScenarioNames)}.");
            }
        }

        // The task scenarios that report ratios to the baseline need it measured first, in the same run.
        if (scenarios.Contains("throughput") || scenarios.Contains("overhead"))
        {
            scenarios.Add("baseline");
        }

        // Always in the documented order, each once, whatever order they were asked in.
        return options with { Scenarios = [.. ScenarioNames.Where(scenarios.Contains)] };
    }

    static BenchmarkOptions AddHostSetting(BenchmarkOptions options, List<KeyValuePair<string, string>> settings, string value)
    {
        var separator = value.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new ArgumentException($"--host-setting '{value}' is not KEY=VALUE.");
        }

        settings.Add(new(value[..separator], value[(separator + 1)..]));
        return options with { HostSettings = [.. settings] };
    }

    static int ParseCount(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= min && count <= max
            ? count
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max} (was '{value}').");
}
