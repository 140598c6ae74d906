namespace Swarm.Mcp.Configuration;

/// <summary>
/// The <c>mcp</c> section: the MCP servers whose tools the swarm offers its agents, and the limits every call to them
/// gets. No servers, no tools: the swarm then lists none and refuses every call with an error result.
/// </summary>
public sealed class McpSettings
{
    /// <summary>The servers by name (<c>mcp:servers:files</c>); the name becomes part of each tool's, <c>mcp__files__read_file</c>.</summary>
    public Dictionary<string, McpServerSettings> Servers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one tool call may take, connecting included, before it is abandoned with an error result.</summary>
    public int CallTimeoutSeconds { get; set; } = 30;

    /// <summary>The longest tool result handed to a model, in characters; a longer one is cut, with a note saying how much.</summary>
    public int MaxResultChars { get; set; } = 8000;

    /// <summary>How long a server's tool list is reused before it is asked again; 0 asks every time.</summary>
    public int ListCacheSeconds { get; set; } = 60;

    public TimeSpan CallTimeout => TimeSpan.FromSeconds(CallTimeoutSeconds);

    public TimeSpan ListCacheDuration => TimeSpan.FromSeconds(ListCacheSeconds);
}
