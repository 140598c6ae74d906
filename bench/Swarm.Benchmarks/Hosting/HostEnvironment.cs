using System.Globalization;
using Microsoft.Extensions.Configuration;
using Swarm.Application.Configuration;
using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Hosting;

/// <summary>The environment variables a local host is started with, and the settings the swarm's loader makes of them.</summary>
static class HostEnvironment
{
    /// <summary>What every host the benchmark starts is given, besides its storage, ports, hub, secret and a scenario's own settings.</summary>
    public static IReadOnlyDictionary<string, string> Baseline { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["system__environment"] = "development",

        // The benchmark's clients would otherwise be throttled at the default 600 requests a minute per principal.
        ["security__rateLimit__permitsPerMinute"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>
    /// The baseline, then the host's own storage, hub, ports, secret and heap probe, then a scenario's
    /// <paramref name="settings"/> (<c>durable__partitionCount</c>, ...), then <paramref name="overrides"/> from
    /// <c>--host-setting</c>, each winning over the ones before.
    /// </summary>
    public static Dictionary<string, string> For(
        StorageEndpoint storage,
        string hub,
        int httpPort,
        string probeFolder,
        IReadOnlyDictionary<string, string> settings,
        IEnumerable<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var environment = new Dictionary<string, string>(Baseline, StringComparer.Ordinal)
        {
            ["database__connectionString"] = storage.ConnectionString,
            ["database__tablePrefix"] = hub,
            ["durable__taskHub"] = hub,
            ["JWT_SECRET"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            ["localHost__httpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["DOTNET_STARTUP_HOOKS"] = RepositoryLayout.BenchmarkDll,

            // The host's temporary files (its durable socket's directory) go in its work folder, removed with it.
            ["TMPDIR"] = probeFolder,
            [ManagedHeap.ProbeVariable] = probeFolder,
        };
        foreach (var (key, value) in settings.Concat(overrides))
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>What the host will load from the whole environment it is given, so the report states the settings in force.</summary>
    public static SwarmSettings EffectiveSettings(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // Configuration keys ignore case and Linux variables do not (http_proxy, HTTP_PROXY); no swarm setting is spelt twice.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in environment)
        {
            values[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        return SwarmSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
