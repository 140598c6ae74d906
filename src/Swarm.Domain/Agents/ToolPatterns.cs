using System.Text.RegularExpressions;

namespace Swarm.Domain.Agents;

/// <summary>
/// Which tools an agent may use: its configuration's <c>tools</c>, each a tool name (<c>memory_get</c>) or a prefix
/// ending in <c>*</c> (<c>memory_*</c>, <c>mcp__files__*</c>, or <c>*</c> for every tool). A call to anything else is
/// refused before it reaches a tool. No patterns, no tools: an agent gets tools only when someone gave them.
/// </summary>
public static partial class ToolPatterns
{
    public const int MaxPatterns = 50;

    public static bool IsPattern(string? pattern) => pattern is not null && PatternShape().IsMatch(pattern);

    /// <summary>Whether any of <paramref name="patterns"/> names <paramref name="tool"/>.</summary>
    public static bool Allows(IReadOnlyList<string>? patterns, string tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return patterns is not null && patterns.Any(pattern => Matches(pattern, tool));
    }

    static bool Matches(string pattern, string tool) => pattern.EndsWith('*')
        ? tool.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : string.Equals(pattern, tool, StringComparison.Ordinal);

    // A tool name (what every vendor accepts), optionally cut short by a trailing '*'.
    [GeneratedRegex(@"^(\*|[A-Za-z0-9_-]{1,64}\*?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PatternShape();
}
