using System.Text.RegularExpressions;
using Swarm.Workflows.Tools;

namespace Swarm.Mcp.Configuration;

/// <summary>Shape and range checks of the <c>mcp</c> section; each error names its key and none shows a header's or variable's value.</summary>
public static partial class McpSettingsValidator
{
    /// <summary>The longest server name: <c>mcp__</c>, the name and <c>__</c> leave at least 25 characters of the 64 for the tool's own name.</summary>
    public const int MaxServerNameLength = 32;

    public static IReadOnlyList<string> Validate(McpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                errors.Add($"'mcp:{key}' {rule}");
            }
        }

        Check(settings.CallTimeoutSeconds is >= 1 and <= 540, "callTimeoutSeconds", "must be between 1 and 540 (under the Functions timeout).");
        Check(settings.MaxResultChars is >= 200 and <= 1_000_000, "maxResultChars", "must be between 200 and 1000000.");
        Check(settings.ListCacheSeconds is >= 0 and <= 86_400, "listCacheSeconds", "must be between 0 (ask every time) and 86400.");
        foreach (var (name, server) in settings.Servers)
        {
            var key = "servers:" + name;
            // Underscores are left out so that the first "__" after "mcp__" always ends the server's name.
            Check(ServerName().IsMatch(name) && ToolNames.ForServer(name, "t") is not null, key,
                $"is not a usable server name: use letters, digits and '-', 1 to {MaxServerNameLength} characters (tools are named mcp__<server>__<tool>).");
            var hasCommand = !string.IsNullOrWhiteSpace(server.Command);
            var hasUrl = !string.IsNullOrWhiteSpace(server.Url);
            Check(hasCommand != hasUrl, key, hasCommand
                ? "has both 'command' and 'url'; a server is either a process spoken to over stdio or a Streamable HTTP endpoint."
                : "needs 'command' (a process spoken to over stdio) or 'url' (a Streamable HTTP endpoint).");
            if (hasUrl)
            {
                Check(Uri.TryCreate(server.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", key + ":url", "must be an absolute http or https URL.");
                foreach (var header in server.Headers.Keys)
                {
                    Check(HeaderName().IsMatch(header), $"{key}:headers:{header}", "is not a valid HTTP header name.");
                }
            }

            Check(hasUrl || server.Headers.Count == 0, key + ":headers", "applies to a 'url' server only.");
            Check(hasCommand || server.Args.Length == 0, key + ":args", "applies to a 'command' server only.");
            Check(hasCommand || server.Env.Count == 0, key + ":env", "applies to a 'command' server only.");
            Check(hasCommand || string.IsNullOrWhiteSpace(server.WorkingDirectory), key + ":workingDirectory", "applies to a 'command' server only.");
            foreach (var variable in server.Env.Keys)
            {
                Check(variable.Length > 0 && !variable.Contains('=', StringComparison.Ordinal) && !variable.Contains('\0', StringComparison.Ordinal),
                    $"{key}:env:{variable}", "is not a valid environment variable name.");
            }
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServerName();

    // RFC 9110 token characters.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();
}
