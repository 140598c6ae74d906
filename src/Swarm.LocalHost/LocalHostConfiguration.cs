using Swarm.Application.Configuration;

namespace Swarm.LocalHost;

/// <summary>
/// Where the local host's settings come from, later sources winning: its own defaults (storage on Azurite),
/// <c>config.json</c> (path from <c>SWARM_CONFIG</c>, default ./config.json), the spec's <c>.env</c> names
/// (<see cref="SpecEnvironmentNames"/>: <c>API_PORT</c> is <c>localHost:httpPort</c>), environment variables, then
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
            .AddSpecEnvironmentNames()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }

    /// <summary>The REST port (HTTP/1.1, bound to 127.0.0.1 only); check it with <see cref="Problems"/> first.</summary>
    public static int HttpPort(IConfiguration configuration) => configuration.GetValue("localHost:httpPort", DefaultHttpPort);

    /// <summary>What is wrong with the local host's own settings, reported with the swarm's (one list, one restart).</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        foreach (var child in configuration.GetSection("localHost").GetChildren().Where(c => !string.Equals(c.Key, "httpPort", StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"'{child.Path}' is not a setting this version knows.";
        }

        if (configuration["localHost:httpPort"] is { } port && !(int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
        {
            yield return $"'localHost:httpPort' (or API_PORT) is '{port}', which is not a port number (1 to 65535).";
        }
    }
}
