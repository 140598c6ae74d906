using System.Diagnostics;
using Swarm.Tests;

namespace Swarm.Mcp.Tests;

/// <summary>
/// server-everything in its Streamable HTTP mode (<c>node dist/index.js streamableHttp</c>, port from <c>PORT</c>) on
/// 127.0.0.1, started and stopped by the test. It serves MCP at <c>/mcp</c>.
/// </summary>
sealed class HttpEverythingServer : IAsyncDisposable
{
    readonly Process process;

    HttpEverythingServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/mcp";

    /// <summary>Starts the server on <paramref name="port"/> (a free one when not given) and waits until it listens.</summary>
    public static async Task<HttpEverythingServer> StartAsync(int? port = null)
    {
        var chosen = port ?? FreePorts.Next();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(ReferenceServers.EverythingScript);
        start.ArgumentList.Add("streamableHttp");
        start.Environment["PORT"] = chosen.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        void Read(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            output.Enqueue(line.Data);
            if (line.Data.Contains("listening on port", StringComparison.OrdinalIgnoreCase))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new HttpEverythingServer(process, chosen);
        if (await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30))) != listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"server-everything did not start listening on {chosen}: {string.Join(" | ", output)}");
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
