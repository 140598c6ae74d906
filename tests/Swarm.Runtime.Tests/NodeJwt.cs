using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Swarm.Tests;

namespace Swarm.Runtime.Tests;

/// <summary>Tokens minted by jsonwebtoken (Node), an implementation independent of the .NET libraries under test.</summary>
static class NodeJwt
{
    // Minting takes well under a second here. In CI one Node process in a few dozen runs has not ended within 60 s,
    // while the same tokens minted at once before and after it; that was never seen on a development machine. The
    // token is what the tests are about, not that one Node process, so a stuck minting is described, ended and tried
    // again, and only a tool that keeps failing fails the test.
    static readonly TimeSpan AttemptDeadline = TimeSpan.FromSeconds(20);
    const int Attempts = 3;

    /// <summary>Where stuck mintings are described, so a run that passed after a retry still shows what happened.</summary>
    static string DiagnosticsLog => Path.Combine(RepositoryPaths.Root, ".run", "test-diagnostics.log");
    static readonly Lock DiagnosticsLogWrite = new();

    public sealed record Minted(string Token, JsonElement? Jwk);

    public static async Task<Minted> MintAsync(object request)
    {
        var failures = new List<string>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (minted, failure) = await MintOnceAsync(JsonSerializer.Serialize(request));
            if (minted is not null)
            {
                return minted;
            }

            failures.Add($"attempt {attempt}: {failure}");
            RecordDiagnostic($"mint-jwt.mjs attempt {attempt} of {Attempts}: {failure}");
        }

        Assert.Fail("mint-jwt.mjs failed every attempt:\n" + string.Join('\n', failures));
        return null!;
    }

    static async Task<(Minted? Minted, string? Failure)> MintOnceAsync(string request)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "tests", "tools", "mint-jwt.mjs"), request },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var node = Process.Start(start)!;
        node.StandardInput.Close();

        // Both pipes are drained at once, so neither can fill up while the other is read. They close when Node ends,
        // which tells that it ended even if the exit itself were noticed late.
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        var drained = Task.WhenAll(output, errors);
        if (await Task.WhenAny(drained, Task.Delay(AttemptDeadline)) != drained)
        {
            var stuck = $"not finished within {AttemptDeadline.TotalSeconds:0} s; {Describe(node, output)}";
            node.Kill(entireProcessTree: true);
            return (null, stuck);
        }

        if (!node.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            var unnoticed = $"pipes closed but no exit seen within 10 s; {Describe(node, output)}";
            node.Kill(entireProcessTree: true);
            return (null, unnoticed);
        }

        if (node.ExitCode != 0)
        {
            // A script error is not a hang: trying again would only repeat it.
            Assert.Fail($"mint-jwt.mjs exited with {node.ExitCode} (is node_modules installed? run npm ci): {await errors}");
        }

        var result = JsonDocument.Parse(await output).RootElement;
        return (new Minted(result.GetProperty("token").GetString()!, result.TryGetProperty("jwk", out var jwk) ? jwk.Clone() : null), null);
    }

    /// <summary>What a stuck Node process was doing: its state and kernel wait channel per thread, and what it wrote.</summary>
    static string Describe(Process node, Task<string> output)
    {
        var text = new StringBuilder($"pid {node.Id}, exited {node.HasExited}, stdout {(output.IsCompleted ? "closed: " + output.Result : "open")}");
        try
        {
            foreach (var thread in Directory.GetDirectories($"/proc/{node.Id}/task"))
            {
                var status = File.ReadLines(Path.Combine(thread, "status")).FirstOrDefault(line => line.StartsWith("State:", StringComparison.Ordinal));
                var wchan = File.ReadAllText(Path.Combine(thread, "wchan"));
                var name = File.ReadAllText(Path.Combine(thread, "comm")).Trim();
                text.Append($"; thread {Path.GetFileName(thread)} {name} {status} wchan {wchan}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text.Append("; /proc unreadable: " + e.Message);
        }

        return text.ToString();
    }

    static void RecordDiagnostic(string line)
    {
        lock (DiagnosticsLogWrite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DiagnosticsLog)!);
            File.AppendAllText(DiagnosticsLog, $"{DateTimeOffset.UtcNow:O} {line}{Environment.NewLine}");
        }
    }

    public static long UnixTime(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
