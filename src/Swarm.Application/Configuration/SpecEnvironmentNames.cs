using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Swarm.Application.Configuration;

/// <summary>
/// The spec's <c>.env</c> names for settings this swarm names otherwise: <c>NODE_ENV</c> is <c>system:environment</c>,
/// <c>LOG_LEVEL</c> is <c>system:logLevel</c> and <c>API_PORT</c> is the local host's REST port (<c>localHost:httpPort</c>).
/// Added as a configuration source between <c>config.json</c> and the environment, so they override the file and the
/// swarm's own names (<c>system__logLevel</c>, arguments) override them.
/// </summary>
public static class SpecEnvironmentNames
{
    public const string NodeEnv = "NODE_ENV";
    public const string LogLevel = "LOG_LEVEL";
    public const string ApiPort = "API_PORT";

    /// <summary>Each spec name with the setting it stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NodeEnv] = "system:environment",
        [LogLevel] = "system:logLevel",
        [ApiPort] = "localHost:httpPort",
    };

    /// <param name="variables">The environment variables to read; the process's own when null.</param>
    public static IConfigurationBuilder AddSpecEnvironmentNames(this IConfigurationBuilder builder, IDictionary<string, string?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddInMemoryCollection(Map(variables ?? Process()));
    }

    static Dictionary<string, string?> Map(IDictionary<string, string?> variables) =>
        Settings.Where(name => variables.TryGetValue(name.Key, out var value) && !string.IsNullOrEmpty(value))
            .ToDictionary(name => name.Value, name => variables[name.Key], StringComparer.OrdinalIgnoreCase);

    static Dictionary<string, string?> Process() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
}
