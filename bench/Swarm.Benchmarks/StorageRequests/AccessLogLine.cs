using System.Globalization;
using System.Text.RegularExpressions;

namespace Swarm.Benchmarks.StorageRequests;

/// <summary>
/// One line of Azurite's access log, which is morgan's "common" format:
/// <c>127.0.0.1 - - [date] "GET /devstoreaccount1/queue/messages?… HTTP/1.1" 200 123</c>.
/// </summary>
sealed partial record AccessLogLine(string Method, string Path, string Query, int Status)
{
    /// <summary>Null for a line that is not a request (Azurite's start-up banner, a warning).</summary>
    public static AccessLogLine? Parse(string line)
    {
        var match = RequestPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var url = match.Groups["url"].Value;
        var question = url.IndexOf('?', StringComparison.Ordinal);
        return new AccessLogLine(
            match.Groups["method"].Value,
            Uri.UnescapeDataString(question < 0 ? url : url[..question]),
            question < 0 ? string.Empty : url[(question + 1)..],
            int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Whether the query string has <paramref name="name"/>=<paramref name="value"/>, ignoring case.</summary>
    public bool HasQuery(string name, string value) =>
        Query.Split('&').Any(p => p.Equals($"{name}={value}", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("\"(?<method>[A-Z]+) (?<url>\\S+) HTTP/[^\"]*\" (?<status>\\d{3})", RegexOptions.CultureInvariant)]
    private static partial Regex RequestPattern();
}
