namespace Swarm.Mcp.Configuration;

/// <summary>
/// One MCP server: either a process the swarm starts and speaks to over stdio (<see cref="Command"/>), or a Streamable
/// HTTP endpoint (<see cref="Url"/>). Values of <see cref="Env"/> and <see cref="Headers"/> are treated as secrets:
/// never logged, and blanked out of error texts that echo them.
/// </summary>
public sealed class McpServerSettings
{
    /// <summary>The program to start, e.g. <c>node</c> or <c>npx</c>; looked up on the swarm's PATH.</summary>
    public string? Command { get; set; }

    /// <summary>Its arguments, one per item. (Empty by default because the binder appends to a default list instead of replacing it.)</summary>
    public string[] Args { get; set; } = [];

    /// <summary>
    /// Environment variables the process gets. It inherits only a few basics from the swarm (PATH, HOME, USER, SHELL,
    /// TERM, LOGNAME; their Windows equivalents there), never the swarm's own secrets; these are added to them.
    /// </summary>
    public Dictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The process's working directory; the swarm's when unset.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The Streamable HTTP endpoint, e.g. <c>https://tools.example.com/mcp</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Headers sent with every request to <see cref="Url"/>, e.g. <c>Authorization</c>.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsStdio => !string.IsNullOrWhiteSpace(Command);

    /// <summary>The values that must never be shown: every header's and environment variable's.</summary>
    public IEnumerable<string> SecretValues => Headers.Values.Concat(Env.Values).Where(v => !string.IsNullOrEmpty(v));
}
