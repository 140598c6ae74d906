using Microsoft.Extensions.Logging;

namespace Swarm.Application.Configuration;

/// <summary>
/// The names <c>system.logLevel</c> (and the spec's <c>LOG_LEVEL</c>) accept: the spec's own (<c>info</c>, <c>warn</c>)
/// and .NET's, in any case.
/// </summary>
public static class LogLevels
{
    public const string Allowed = "trace, debug, info, warn, error, critical or none";

    static readonly Dictionary<string, LogLevel> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["information"] = LogLevel.Information,
        ["warn"] = LogLevel.Warning,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
        ["fatal"] = LogLevel.Critical,
        ["none"] = LogLevel.None,
    };

    public static bool TryParse(string? name, out LogLevel level) => Names.TryGetValue(name ?? "", out level);
}
