using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.LocalHost.Durable;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The built local host (what ./run.sh starts) as a real child process, pointed at the test Azurite and its own
/// task hub. It can be killed with SIGKILL and started again on the same hub, as a crash would.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string Secret = "integration-test-secret-0123456789-abcdefghij";

    readonly Dictionary<string, string> environment;
    readonly ConcurrentQueue<string> output = new();
    Process? process;

    LocalHostProcess(Dictionary<string, string> environment, int httpPort)
    {
        this.environment = environment;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int HttpPort { get; }

    /// <summary>
    /// The Unix socket of the host's durable gRPC sidecar, as the host printed it when it last started (each start makes
    /// a new private directory for it).
    /// </summary>
    public string DurableSocket =>
        output.Reverse().Select(SocketIn).FirstOrDefault(s => s is not null)
        ?? throw new InvalidOperationException("The host has not said where its durable socket is:" + Environment.NewLine + Output);

    /// <summary>The socket path in the host's start-up line (<c>... (durable client gRPC on unix:/tmp/.../durable.sock)</c>), if it is that line.</summary>
    static string? SocketIn(string line) =>
        line.Split("(durable client gRPC on unix:", 2) is [_, var rest] ? rest.TrimEnd(')') : null;

    public string TaskHub => environment["durable__taskHub"];

    /// <summary>The name its durable worker holds partition leases under (the host names it by machine and port).</summary>
    public string WorkerName => Environment.MachineName + ":" + HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string StorageConnectionString => environment["database__connectionString"];

    /// <summary>The name of one of this host's tables (each test host has its own table prefix).</summary>
    public string Table(string suffix) => environment["database__tablePrefix"] + suffix;

    public HttpClient Http { get; }

    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>Starts a host on a new task hub; <paramref name="settings"/> override the test defaults (keys as environment variables).</summary>
    public static async Task<LocalHostProcess> StartAsync(params (string Key, string Value)[] settings)
    {
        var host = await CreateAsync(settings);
        await host.StartAgainAsync();
        return host;
    }

    /// <summary>Starts a host on <paramref name="storage"/> instead of the shared Azurite (a test that takes its storage down).</summary>
    internal static async Task<LocalHostProcess> StartOnAsync(AzuriteServer storage, params (string Key, string Value)[] settings)
    {
        var host = await CreateAsync(settings, storage);
        await host.StartAgainAsync();
        return host;
    }

    static async Task<LocalHostProcess> CreateAsync((string Key, string Value)[] settings, AzuriteServer? storage = null)
    {
        var azurite = storage ?? await AzuriteServer.SharedAsync();

        // The spec's API_PORT, when a test gives it, is the port the host must listen on (and localHost:httpPort is left unset).
        var specPort = settings.Where(s => s.Key == "API_PORT").Select(s => s.Value).FirstOrDefault();
        var http = specPort is null ? FreePorts.Next() : int.Parse(specPort, System.Globalization.CultureInfo.InvariantCulture);
        var hub = "t" + Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string>
        {
            ["database__tablePrefix"] = hub,
            ["system__environment"] = "development",
            ["database__connectionString"] = azurite.ConnectionString,
            ["JWT_SECRET"] = Secret,
            ["localHost__httpPort"] = http.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["durable__taskHub"] = hub,
            ["durable__partitionCount"] = "2",
            // Short enough that a test that kills a host sees its work taken over within seconds, long enough that a
            // busy machine (the suites run side by side on 2 cores) renews a lease and a message in time: at 5 s a
            // late renewal let a partition or a message go while its work item still ran, and the runtime's
            // redeliveries stalled tasks for minutes (README, "Several hosts on one task hub").
            ["durable__messageVisibilityTimeoutSeconds"] = "15",
            ["durable__leaseIntervalSeconds"] = "15",
            ["durable__maxQueuePollingIntervalMs"] = "500",
            ["providers__simulated__latencyMs"] = "0",

            // Tests poll far faster than clients should; the limiter has its own test.
            ["security__rateLimit__permitsPerMinute"] = "0",
        };
        if (specPort is not null)
        {
            environment.Remove("localHost__httpPort");
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new LocalHostProcess(environment, http);
    }

    /// <summary>Two hosts on the same task hub and tables, started at the same moment, as two instances of one swarm.</summary>
    public static async Task<(LocalHostProcess First, LocalHostProcess Second)> StartPairAsync(params (string Key, string Value)[] settings)
    {
        var hosts = await StartManyAsync(2, settings);
        return (hosts[0], hosts[1]);
    }

    /// <summary><paramref name="count"/> hosts on the same task hub and tables, started at the same moment, as instances of one swarm.</summary>
    public static async Task<IReadOnlyList<LocalHostProcess>> StartManyAsync(int count, params (string Key, string Value)[] settings)
    {
        var first = await CreateAsync(settings);
        var hosts = new List<LocalHostProcess> { first };
        for (var i = 1; i < count; i++)
        {
            var environment = new Dictionary<string, string>(first.environment)
            {
                ["localHost__httpPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            hosts.Add(new LocalHostProcess(environment, int.Parse(environment["localHost__httpPort"], System.Globalization.CultureInfo.InvariantCulture)));
        }

        await Task.WhenAll(hosts.Select(h => h.StartAgainAsync()));
        return hosts;
    }

    /// <summary>Starts another host on <paramref name="existing"/>'s task hub and tables, with <paramref name="settings"/> on top of its settings.</summary>
    public static async Task<LocalHostProcess> StartBesideAsync(LocalHostProcess existing, params (string Key, string Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var port = FreePorts.Next();
        var environment = new Dictionary<string, string>(existing.environment)
        {
            ["localHost__httpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var host = new LocalHostProcess(environment, port);
        await host.StartAgainAsync();
        return host;
    }

    /// <summary>Starts the process (again, after <see cref="KillHard"/>) and waits until <c>/ready</c> says ready.</summary>
    public async Task StartAgainAsync()
    {
        process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("The local host did not start.");
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>
    /// Runs the host's executable with <paramref name="args"/> and the test settings (<paramref name="settings"/> on top) as
    /// a one-off command, and returns its exit code and everything it printed. A process still running after
    /// <paramref name="patience"/> is killed and reported as exit code -1.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string[] args, TimeSpan patience, params (string Key, string Value)[] settings)
    {
        var host = await CreateAsync(settings);
        using var command = Process.Start(host.StartInfo(args)) ?? throw new InvalidOperationException("The local host did not start.");
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        var exitCode = -1;
        try
        {
            await command.WaitForExitAsync(timeout.Token);
            exitCode = command.ExitCode;
        }
        catch (OperationCanceledException)
        {
            command.Kill(entireProcessTree: true);
            await command.WaitForExitAsync();
        }

        host.Http.Dispose();
        return (exitCode, await stdout + await stderr);
    }

    ProcessStartInfo StartInfo(params string[] args)
    {
        var dll = Path.Combine(RepositoryPaths.ProjectOutput("Swarm.LocalHost"), "Swarm.LocalHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // An empty folder, so no config.json is picked up: the test's settings are all there is.
            WorkingDirectory = Directory.CreateTempSubdirectory("swarm-host-").FullName,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // The test process's own .NET logging level (tests/test.runsettings) is not the host's: it would override the
        // swarm's setting that a test may be checking.
        if (!environment.ContainsKey("Logging__LogLevel__Default"))
        {
            start.Environment.Remove("Logging__LogLevel__Default");
        }

        // Warnings and worse, unless the test sets a level itself (with the swarm's setting, the spec's name or .NET's).
        if (!new[] { "system__logLevel", "LOG_LEVEL", "Logging__LogLevel__Default" }.Any(environment.ContainsKey))
        {
            start.Environment["system__logLevel"] = "warning";
        }

        return start;
    }

    async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The local host was not ready within 90 s:{Environment.NewLine}{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine loses power.</summary>
    public void KillHard()
    {
        process!.Kill(entireProcessTree: true);
        process.WaitForExit();
        RemoveSocketDirectory();
    }

    /// <summary>A killed host cannot remove its socket's temporary directory itself.</summary>
    void RemoveSocketDirectory()
    {
        if (output.Reverse().Select(SocketIn).FirstOrDefault(s => s is not null) is { } socket)
        {
            DurableClientSocket.Remove(socket);
        }
    }

    /// <summary>Stops the host as Ctrl-C or a service manager does (SIGTERM), so its shutdown code runs.</summary>
    public async Task StopGracefullyAsync()
    {
        using (var signal = Process.Start("kill", ["-TERM", process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(patience.Token);
    }

    public bool HasExited => process?.HasExited ?? true;

    /// <summary>Changes a setting for the next <see cref="StartAgainAsync"/>, as an operator would between restarts.</summary>
    public void Configure(string key, string value) => environment[key] = value;

    public string Token(string role) => TokenIssuer.Mint(
        new JwtSettings { Secret = Secret }, "test-" + role, [role], TimeSpan.FromMinutes(30), TimeProvider.System);

    /// <summary>A token for a person of its own (<paramref name="subject"/>), not the shared <c>test-{role}</c>: whose work is whose.</summary>
    public string TokenFor(string subject, string role) => TokenIssuer.Mint(
        new JwtSettings { Secret = Secret }, subject, [role], TimeSpan.FromMinutes(30), TimeProvider.System);

    /// <summary>A request from <paramref name="subject"/> holding <paramref name="role"/> (see <see cref="TokenFor"/>).</summary>
    public HttpRequestMessage RequestAs(string subject, string role, HttpMethod method, string path, string? json = null)
    {
        var request = Request(method, path, role: null, json);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(subject, role));
        return request;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? role = "admin", string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>A Durable Task client of its own, over the host's durable socket: how the tests inspect orchestrations directly.</summary>
    /// <param name="entities">Whether its <c>Entities</c> work: the host's sidecar serves the protocol's entity calls.</param>
    public DurableTaskClient DurableClient(bool entities = false) =>
        new GrpcDurableTaskClient("test", new GrpcDurableTaskClientOptions { Channel = DurableClientSocket.Channel(DurableSocket), EnableEntitySupport = entities }, NullLogger.Instance);

    /// <summary>
    /// A host that took storage for gone stopped its durable worker and started another: expected where a test kills the
    /// emulator, and worth knowing anywhere else (under load a slow answer could look like an outage), so every one is
    /// recorded with the host's task hub and what it logged then.
    /// </summary>
    void RecordStorageOutages()
    {
        var lines = output.ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains("Storage does not answer", StringComparison.Ordinal))
            {
                var context = string.Join(" ", lines.Skip(Math.Max(0, i - 1)).Take(2).Select(l => l.Trim()));
                TestDiagnostics.Record($"host on task hub {TaskHub} (port {HttpPort}) took storage for gone: {context}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            RemoveSocketDirectory();
        }

        RecordStorageOutages();
        process?.Dispose();
        process = null;
        Http.Dispose();
    }
}
