using System.Diagnostics;
using System.Globalization;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The preload that every Azurite the tests start runs (<see cref="AzuriteServer.ExitWithParentScript"/>): a node process
/// lives while its parent does and ends within seconds once the parent is killed, as a test host killed at the end of
/// a run is.
/// </summary>
public sealed class ExitWithParentTests
{
    [Fact]
    public async Task A_node_process_with_the_preload_outlives_nothing_but_its_parent()
    {
        // bash starts node in the background, prints its pid and waits; SIGKILL to bash alone orphans node.
        var start = new ProcessStartInfo("bash") { ArgumentList = { "-c", "node -e 'setInterval(() => {}, 1000)' & echo $!; wait" }, RedirectStandardOutput = true };
        start.Environment["NODE_OPTIONS"] = $"--require \"{AzuriteServer.ExitWithParentScript}\"";
        using var parent = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var child = int.Parse(await parent.StandardOutput.ReadLineAsync() ?? "", CultureInfo.InvariantCulture);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.True(IsRunning(child), "the preload ended a process whose parent still runs");

            parent.Kill(entireProcessTree: false);
            await parent.WaitForExitAsync();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (IsRunning(child) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.False(IsRunning(child), "node still ran 10 s after its parent was killed");
        }
        finally
        {
            if (IsRunning(child))
            {
                Process.GetProcessById(child).Kill();
            }
        }
    }

    /// <summary>Whether the process runs: it exists and is not a zombie waiting for its new parent to reap it.</summary>
    static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
