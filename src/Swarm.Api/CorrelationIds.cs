using System.Text.RegularExpressions;

namespace Swarm.Api;

/// <summary>Correlation ids tie a request to its log lines and audit records across hosts.</summary>
public static partial class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    /// <summary>The client's id if it is short and plain (so it is safe to log), otherwise a new one.</summary>
    public static string FromClient(string? supplied) =>
        supplied is not null && Safe().IsMatch(supplied) ? supplied : Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Safe();
}
