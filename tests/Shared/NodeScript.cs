using System.Diagnostics;
using System.Text;

namespace Swarm.Tests;

/// <summary>Runs one of the Node scripts in tests/tools (vendor SDKs and independent implementations the tests check against) and returns what it printed.</summary>
static class NodeScript
{
    // A script run takes well under a second here. In CI one Node process in a few dozen runs has not ended within
    // 60 s, while the same script ran at once before and after it; that was never seen on a development machine. What
    // the tests check is the script's output, not that one Node process, so a stuck run is described, ended and tried
    // again, and only a script that keeps failing fails the test.
    static readonly TimeSpan AttemptDeadline = TimeSpan.FromSeconds(20);
    const int Attempts = 3;

    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var failures = new List<string>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (output, failure) = await RunOnceAsync(script, arguments);
            if (output is not null)
            {
                return output;
            }

            failures.Add($"attempt {attempt}: {failure}");
            TestDiagnostics.Record($"{script} attempt {attempt} of {Attempts}: {failure}");
        }

        Assert.Fail($"{script} failed every attempt:\n" + string.Join('\n', failures));
        return null!;
    }

    static async Task<(string? Output, string? Failure)> RunOnceAsync(string script, string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "tools", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
            Assert.Fail($"{script} exited with {node.ExitCode} (is node_modules installed? run npm ci): {await errors}");
        }

        return (await output, null);
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
}
