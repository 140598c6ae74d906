using Microsoft.Extensions.Configuration;
using Swarm.Application.Configuration;

namespace Swarm.Tests;

/// <summary>Builds settings the way the hosts do, from key/value configuration, with a valid baseline.</summary>
static class TestSettings
{
    public const string Secret = Tokens.DefaultSecret;

    public static IConfiguration Configuration(params (string Key, string? Value)[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["system:environment"] = "development",
            ["database:connectionString"] = "UseDevelopmentStorage=true",
            ["security:jwt:secret"] = Secret,
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public static SwarmSettings Load(params (string Key, string? Value)[] overrides) =>
        SwarmSettingsLoader.Load(Configuration(overrides));
}
