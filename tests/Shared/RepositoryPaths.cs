namespace Swarm.Tests;

/// <summary>Paths in the repository, found from the test's own location.</summary>
static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests themselves were built in.</summary>
    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ProjectOutput(string project) =>
        Path.Combine(Root, "src", project, "bin", BuildConfiguration, "net10.0");

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
