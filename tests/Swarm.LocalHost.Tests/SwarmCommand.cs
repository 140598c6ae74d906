using System.Diagnostics;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>What one run of the <c>swarm</c> command did: its exit code and what it printed on each stream.</summary>
sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout: {Output}{Environment.NewLine}stderr: {Error}";
}

/// <summary>
/// The built <c>swarm</c> command (src/Swarm.Cli) run as a process, as a user or a script runs it: its own profiles
/// folder, the host's URL, and no credential from the test process's environment unless a test gives one.
/// </summary>
sealed class SwarmCommand(LocalHostProcess host) : IDisposable
{
    public string ConfigDirectory { get; } = Directory.CreateTempSubdirectory("swarm-cli-").FullName;

    public Task<CommandRun> RunAsync(params string[] args) => RunAsync(args, null, []);

    public async Task<CommandRun> RunAsync(string[] args, string? input, params (string Key, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.ProjectOutput("Swarm.Cli"), "swarm.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "SWARM_TOKEN", "SWARM_API_KEY", "SWARM_PROFILE", "SWARM_FUNCTIONS_KEY", "JWT_SECRET" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["SWARM_CONFIG_DIR"] = ConfigDirectory;
        start.Environment["SWARM_URL"] = $"http://127.0.0.1:{host.HttpPort}";
        start.Environment["COLUMNS"] = "120";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("swarm did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"swarm {string.Join(' ', args)} did not end within 120 s: {await stdout} {await stderr}");
        }

        return new CommandRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A run as a caller with <paramref name="role"/>'s token in <c>SWARM_TOKEN</c>, as a script would pass it.</summary>
    public Task<CommandRun> AsAsync(string role, params string[] args) => RunAsync(args, null, ("SWARM_TOKEN", host.Token(role)));

    /// <summary>The profiles folder holds the test's tokens: removed with the run.</summary>
    public void Dispose() => Directory.Delete(ConfigDirectory, recursive: true);
}
