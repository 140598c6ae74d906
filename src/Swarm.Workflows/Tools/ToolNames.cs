using System.Text.RegularExpressions;

namespace Swarm.Workflows.Tools;

/// <summary>
/// How tools are named. Every vendor's tool-calling format accepts <c>^[A-Za-z0-9_-]{1,64}$</c> (OpenAI and Anthropic
/// refuse dots), so that is the shape of every name. Server tools are <c>mcp__{server}__{tool}</c>, the convention
/// coding assistants already use, so a pattern such as <c>mcp__files__*</c> grants one server's tools.
/// </summary>
public static partial class ToolNames
{
    public const string ServerPrefix = "mcp__";
    const string Separator = "__";

    public static bool IsToolName(string? name) => name is not null && NameShape().IsMatch(name);

    /// <summary>A server's tool as the swarm names it, or null when the result would not be a valid tool name.</summary>
    public static string? ForServer(string server, string tool)
    {
        var name = ServerPrefix + server + Separator + tool;
        return IsToolName(name) ? name : null;
    }

    /// <summary>The server and tool a prefixed name stands for, or null when it is not a server tool's name.</summary>
    public static (string Server, string Tool)? ParseServerTool(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith(ServerPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name[ServerPrefix.Length..];
        var split = rest.IndexOf(Separator, StringComparison.Ordinal);
        return split <= 0 || split + Separator.Length >= rest.Length ? null : (rest[..split], rest[(split + Separator.Length)..]);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
