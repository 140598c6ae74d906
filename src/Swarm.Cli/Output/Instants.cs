using System.Globalization;

namespace Swarm.Cli.Output;

/// <summary>The API's ISO-8601 instants, shortened for a terminal.</summary>
static class Instants
{
    /// <summary>The UTC time of day with milliseconds (a task's timeline spans minutes), or the text as it came.</summary>
    public static string TimeOfDay(string? at) =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : at ?? "";

    /// <summary>The UTC date and time to the second, for listings, or the text as it came.</summary>
    public static string DateTime(string? at) =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : at ?? "";
}
