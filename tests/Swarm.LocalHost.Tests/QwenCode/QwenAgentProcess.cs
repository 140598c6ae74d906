using System.Diagnostics;
using System.Text.Json;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests.QwenCode;

/// <summary>
/// The Qwen Code agent bridge (<c>agents/qwen-code/bridge.mjs</c>) as a child process, run as a user runs it: its API key
/// in <c>SWARM_API_KEY</c>, Qwen Code's model server in the <c>OPENAI_*</c> variables, and a home folder of its own so
/// Qwen Code writes nothing outside the test's folders. Its log (one JSON object per line on stderr) is kept for the
/// test to wait on.
/// </summary>
public sealed class QwenAgentProcess : IAsyncDisposable
{
    readonly Process process;
    readonly List<JsonElement> events = [];
    readonly List<string> lines = [];
    readonly Lock gate = new();

    QwenAgentProcess(Process process) => this.process = process;

    /// <summary>The bridge's script, where the repository keeps it.</summary>
    public static string Script => Path.Combine(RepositoryPaths.Root, "agents", "qwen-code", "bridge.mjs");

    /// <summary>What the bridge logged so far, for a failing assertion's message.</summary>
    public string Log
    {
        get
        {
            lock (gate)
            {
                return string.Join(Environment.NewLine, lines);
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <param name="environment">The bridge's settings; <c>HOME</c> should be a folder of the test's.</param>
    /// <param name="arguments">Its flags.</param>
    public static QwenAgentProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the machine's own Swarm or model settings leaks in.
        foreach (var name in new[] { "SWARM_API_KEY", "SWARM_TOKEN", "SWARM_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "DASHSCOPE_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var bridge = new QwenAgentProcess(Process.Start(start)!);
        bridge.process.StandardInput.Close();
        bridge.process.OutputDataReceived += (_, e) => bridge.Keep(e.Data);
        bridge.process.ErrorDataReceived += (_, e) => bridge.Keep(e.Data);
        bridge.process.BeginOutputReadLine();
        bridge.process.BeginErrorReadLine();
        return bridge;
    }

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Add(line);
            if (line.StartsWith('{'))
            {
                try
                {
                    events.Add(JsonDocument.Parse(line).RootElement.Clone());
                }
                catch (JsonException)
                {
                    // A line that is not the bridge's own event (Qwen Code's or Node's) stays in the log only.
                }
            }
        }
    }

    /// <summary>Waits until the bridge logs an event named <paramref name="name"/> that <paramref name="match"/> accepts.</summary>
    public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool>? match = null, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            lock (gate)
            {
                foreach (var e in events)
                {
                    if (e.GetProperty("event").GetString() == name && (match?.Invoke(e) ?? true))
                    {
                        return e;
                    }
                }
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                Assert.Fail($"The Qwen Code bridge logged no '{name}' event{(process.HasExited ? $" (it exited with {process.ExitCode})" : "")}. Its log:{Environment.NewLine}{Log}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the bridge to end by itself; false if it is still running after <paramref name="patience"/>.</summary>
    public Task<bool> WaitForExitAsync(TimeSpan patience) => process.WaitForExitAsync(new CancellationTokenSource(patience).Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

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
