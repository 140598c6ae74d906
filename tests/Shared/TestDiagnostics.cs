namespace Swarm.Tests;

/// <summary>
/// Where a test run records what went wrong on the way without failing a test (a stuck Node process tried again, a host
/// that took itself for cut off from storage), so a run that passed still shows it: test.sh prints the file at the end.
/// </summary>
static class TestDiagnostics
{
    static string LogPath => Path.Combine(RepositoryPaths.Root, ".run", "test-diagnostics.log");
    static readonly Lock Write = new();

    public static void Record(string line)
    {
        lock (Write)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
            File.AppendAllText(LogPath, $"{DateTimeOffset.UtcNow:O} {line}{Environment.NewLine}");
        }
    }
}
