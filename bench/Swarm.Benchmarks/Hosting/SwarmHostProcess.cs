using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Benchmarks.Api;
using Swarm.Benchmarks.Measurement;
using Swarm.Tests;

namespace Swarm.Benchmarks.Hosting;

/// <summary>
/// The built local host (what <c>./run.sh</c> starts) as a child process on its own task hub and table prefix, so it
/// starts clean and its memory and CPU can be measured from outside. Configured through environment variables, as an
/// operator would; its working folder is empty, so no config.json is read.
/// </summary>
sealed class SwarmHostProcess : IAsyncDisposable
{
    const int OutputLinesKept = 200;
    static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(90);
    static readonly ConcurrentDictionary<int, Process> Running = new();

    readonly Process process;
    readonly DirectoryInfo workFolder;
    readonly ConcurrentQueue<string> output;

    static SwarmHostProcess() =>

        // A safety net for an interrupted run: no host outlives the benchmark.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var child in Running.Values)
            {
                Stop(child);
            }
        };

    SwarmHostProcess(Process process, DirectoryInfo workFolder, ConcurrentQueue<string> output, SwarmSettings settings, Uri address)
    {
        this.process = process;
        this.workFolder = workFolder;
        this.output = output;
        Settings = settings;
        Address = address;
        var token = TokenIssuer.Mint(settings.Security.Jwt, "benchmark", ["admin"], TimeSpan.FromHours(12), TimeProvider.System);
        Api = new SwarmApi(address, token);
    }

    public int Pid => process.Id;

    /// <summary>The host's HTTP root (<c>http://127.0.0.1:{port}</c>), where the API and the Web PubSub stand-in are served.</summary>
    public Uri Address { get; }

    /// <summary>The settings the host runs with: loaded by the swarm's own loader from the environment it was given.</summary>
    public SwarmSettings Settings { get; }

    /// <summary>From starting the process until <c>/ready</c> answered 200.</summary>
    public TimeSpan StartupTime { get; private set; }

    public SwarmApi Api { get; }

    public string RecentOutput => string.Join(Environment.NewLine, output);

    public ProcessMemory? Memory() => ProcessMemory.Read(process.Id);

    /// <summary>Forces a full collection in the host (see <see cref="ManagedHeap"/>); read <see cref="Memory"/> first.</summary>
    public Task<ManagedHeap?> ReadManagedHeapAsync(CancellationToken cancellationToken) => ManagedHeap.ReadAsync(workFolder.FullName, cancellationToken);

    /// <summary>Starts a host on a new task hub and waits until it is ready; see <see cref="HostEnvironment.For"/> for the settings.</summary>
    public static async Task<SwarmHostProcess> StartAsync(
        StorageEndpoint storage,
        string label,
        IReadOnlyDictionary<string, string> settings,
        IEnumerable<KeyValuePair<string, string>> overrides,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!File.Exists(RepositoryLayout.LocalHostDll))
        {
            throw new InvalidOperationException($"The local host is not built at {RepositoryLayout.LocalHostDll}; ./bench.sh builds it.");
        }

        var workFolder = Directory.CreateTempSubdirectory("swarm-bench-host-");
        var http = FreePorts.Next();
        // Task hubs and table prefixes are letters and digits only; a scenario's name may have a hyphen.
        var hub = "bench" + string.Concat(label.Where(char.IsAsciiLetterOrDigit)) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryLayout.LocalHostDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workFolder.FullName,
        };
        start.Environment.Remove("SWARM_CONFIG");
        var environment = HostEnvironment.For(storage, hub, http, workFolder.FullName, settings, overrides);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var effective = HostEnvironment.EffectiveSettings(start.Environment);
        var output = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The local host did not start.");
        Running[process.Id] = process;
        void Keep(string? line)
        {
            output.Enqueue(line ?? string.Empty);
            while (output.Count > OutputLinesKept && output.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new SwarmHostProcess(process, workFolder, output, effective, new Uri($"http://127.0.0.1:{http}"));
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        host.StartupTime = clock.Elapsed;
        return host;
    }

    async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            if (await Api.IsReadyAsync(cancellationToken))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The local host was not ready within {ReadyPatience.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
    }

    static void Stop(Process child)
    {
        try
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Stop(process);
        await process.WaitForExitAsync();
        Running.TryRemove(process.Id, out _);
        process.Dispose();
        try
        {
            workFolder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
