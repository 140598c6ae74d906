using System.Diagnostics;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Debian's Chromium for the dashboard's browser tests, installed with scripts/prerequisites.sh when missing, and the
/// Playwright script (tests/tools/dashboard-browser.mjs) that drives it. No browser is never a silent skip: the test fails
/// saying why.
/// </summary>
static class DashboardBrowser
{
    public const string Executable = "/usr/bin/chromium";
    static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(Executable))
            {
                return;
            }

            var (exitCode, output) = await RunAsync("bash", ["-c", "mkdir -p .run && . scripts/prerequisites.sh && install_browser"], TimeSpan.FromMinutes(10));
            Assert.True(exitCode == 0 && File.Exists(Executable), $"The dashboard's browser test needs Chromium at {Executable} and could not install it (exit {exitCode}): {output}");
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>Runs the browser script with its request (JSON) and returns its exit code and what it printed.</summary>
    public static Task<(int ExitCode, string Output)> DriveAsync(string requestJson) =>
        RunAsync("node", [Path.Combine(RepositoryPaths.Root, "tests", "tools", "dashboard-browser.mjs"), requestJson], TimeSpan.FromMinutes(3));

    static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, TimeSpan patience)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"not finished within {patience}: {await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
