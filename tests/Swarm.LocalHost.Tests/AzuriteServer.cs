using System.Diagnostics;
using System.Net.Sockets;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// One Azurite (the Azure Storage emulator, installed by npm from package.json) for the whole test run, on free
/// loopback ports and in memory. Each test uses its own task hub, so tests do not see each other's state.
/// </summary>
sealed class AzuriteServer : IDisposable
{
    static readonly Lazy<Task<AzuriteServer>> Instance = new(() => StartAsync(location: null));
    readonly (int Blob, int Queue, int Table) ports;
    readonly string? location;
    Process process;

    AzuriteServer(Process process, (int Blob, int Queue, int Table) ports, string? location)
    {
        this.process = process;
        this.ports = ports;
        this.location = location;
        var (blobPort, queuePort, tablePort) = ports;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static Task<AzuriteServer> SharedAsync() => Instance.Value;

    /// <summary>An Azurite of the caller's own, which it may kill (a storage outage) without touching other tests' storage.</summary>
    public static Task<AzuriteServer> StartPrivateAsync() => StartAsync(location: null);

    /// <summary>
    /// An Azurite of the caller's own that keeps its data in a folder (<c>--location</c>), so it can be killed and
    /// started again with what it had saved. It saves every 5 s, so a kill loses the writes of the last seconds.
    /// </summary>
    public static Task<AzuriteServer> StartPersistentAsync() =>
        StartAsync(Directory.CreateTempSubdirectory("swarm-azurite-").FullName);

    /// <summary>
    /// Starts the emulator again after <see cref="Kill"/>, on the same ports and (if it has one) the same folder: one in
    /// memory comes back empty, as a storage that lost everything.
    /// </summary>
    public async Task RestartAsync()
    {
        process.Dispose();
        process = await LaunchAsync(ports, location);
    }

    /// <summary>SIGKILL, as a crashed emulator or a lost storage account: every connection to it is refused from then on.</summary>
    public void Kill()
    {
        Stop(process);
        process.WaitForExit();
    }

    /// <summary>Kills a private emulator and removes its folder; the shared one is left to the end of the run.</summary>
    public void Dispose()
    {
        Kill();
        process.Dispose();
        if (location is not null)
        {
            Directory.Delete(location, recursive: true);
        }
    }

    static async Task<AzuriteServer> StartAsync(string? location)
    {
        var ports = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        return new AzuriteServer(await LaunchAsync(ports, location), ports, location);
    }

    /// <summary>The preload that ends a node process within a second of its parent's end.</summary>
    public static string ExitWithParentScript => Path.Combine(RepositoryPaths.Root, "tests", "tools", "exit-with-parent.cjs");

    static async Task<Process> LaunchAsync((int Blob, int Queue, int Table) ports, string? location)
    {
        var azurite = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}; run 'npm ci' in the repository root (./test.sh does).");
        }

        var (blob, queue, table) = ports;
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        // Ends it with its test host, however that ends: a killed test host runs no exit handler (tests/tools/exit-with-parent.cjs).
        start.Environment["NODE_OPTIONS"] = $"--require \"{ExitWithParentScript}\"";
        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

        foreach (var port in new[] { blob, queue, table })
        {
            await WaitForPortAsync(port, process);
        }

        return process;
    }

    static async Task WaitForPortAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
    }

    static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public override string ToString() => $"Azurite (pid {process.Id})";
}
