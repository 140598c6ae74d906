namespace Swarm.LocalHost;

/// <summary>
/// Where the local host's settings come from, later sources winning: its own defaults (storage on Azurite),
/// <c>config.json</c> (path from <c>SWARM_CONFIG</c>, default ./config.json), environment variables, then
/// command-line arguments.
/// </summary>
static class LocalHostConfiguration
{
    public const int DefaultHttpPort = 5180;

    public static IConfigurationRoot Build(string[] args)
    {
        var path = Environment.GetEnvironmentVariable("SWARM_CONFIG") ?? "config.json";
        return new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["database:connectionString"] = "UseDevelopmentStorage=true" })
            .AddJsonFile(Path.GetFullPath(path), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }

    /// <summary>The REST port (HTTP/1.1, bound to 127.0.0.1 only).</summary>
    public static int HttpPort(IConfiguration configuration) => configuration.GetValue("localHost:httpPort", DefaultHttpPort);
}
