using System.Diagnostics;
using System.Globalization;
using Swarm.Benchmarks.StorageRequests;
using Swarm.Tests;

namespace Swarm.Benchmarks.Hosting;

/// <summary>
/// An Azurite of a scenario's own, started as <c>./bench.sh</c> starts the shared one (free loopback ports, disk
/// persistence in a temporary folder, the repository's <c>node_modules</c>), but with its access log kept: Azurite
/// writes one line per request to standard output unless <c>--silent</c>, and those lines are what
/// <see cref="Log"/> holds.
/// </summary>
sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account (the same key every Azure Storage emulator uses; not a secret).
    const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    readonly Process process;
    readonly DirectoryInfo folder;

    AzuriteProcess(Process process, DirectoryInfo folder, StorageEndpoint storage)
    {
        this.process = process;
        this.folder = folder;
        Storage = storage;
    }

    public StorageEndpoint Storage { get; }

    public AccessLog Log { get; } = new();

    public int Pid => process.Id;

    public static string Executable => Path.Combine(RepositoryLayout.Root, "node_modules", ".bin", "azurite");

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {Executable}; ./bench.sh installs it (npm ci).");
        }

        var folder = Directory.CreateTempSubdirectory("swarm-bench-azurite-");
        var (blob, queue, table) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder.FullName,
        };
        foreach (var argument in new[]
        {
            "--location", folder.FullName, "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(blob), "--queueHost", "127.0.0.1", "--queuePort", Port(queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(table),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var storage = new StorageEndpoint(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;"
            + $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;",
            process.Id);
        var azurite = new AzuriteProcess(process, folder, storage);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                azurite.Log.Add(line);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await azurite.WaitForPortsAsync([blob, queue, table], cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    async Task WaitForPortsAsync(int[] ports, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            }

            if (await AllOpenAsync(ports, cancellationToken))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Azurite did not listen on {string.Join(", ", ports)} within {StartPatience.TotalSeconds:0} s.");
    }

    static async Task<bool> AllOpenAsync(int[] ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        }

        return true;
    }

    static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        // With --location, Azurite can linger after SIGTERM (see ./bench.sh), so it is killed outright: its state is thrown away.
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
