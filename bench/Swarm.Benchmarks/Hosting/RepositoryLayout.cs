namespace Swarm.Benchmarks.Hosting;

/// <summary>Where the repository and the built local host are, found from this program's own location.</summary>
static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this program was built in; the local host is taken from the same one.</summary>
    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>What <c>./run.sh</c> starts: <c>src/Swarm.LocalHost/bin/&lt;configuration&gt;/net10.0/Swarm.LocalHost.dll</c>.</summary>
    public static string LocalHostDll { get; } = Path.Combine(Root, "src", "Swarm.LocalHost", "bin", BuildConfiguration, "net10.0", "Swarm.LocalHost.dll");

    /// <summary>This program's assembly, which also carries the <see cref="StartupHook"/> loaded into the host.</summary>
    public static string BenchmarkDll { get; } = typeof(RepositoryLayout).Assembly.Location;

    static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Swarm.Functions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Swarm.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
