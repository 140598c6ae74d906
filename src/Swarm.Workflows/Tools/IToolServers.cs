using System.Text.Json;

namespace Swarm.Workflows.Tools;

/// <summary>
/// The tools served from outside the swarm (the MCP servers operators declare), as the tool activities use them.
/// Implemented by the hosts' adapters. Names are already prefixed (<see cref="ToolNames.ForServer"/>), so they never
/// collide with the built-in tools or each other.
/// </summary>
public interface IToolServers
{
    /// <summary>Every tool the configured servers offer now. A server that does not answer is left out (and logged), never fatal.</summary>
    Task<IReadOnlyList<ToolDefinition>> ListToolsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Calls one tool. A tool that fails, or a server that does not know it, gives an error result rather than throwing;
    /// only cancellation throws.
    /// </summary>
    Task<ToolResult> CallToolAsync(string name, JsonElement arguments, CancellationToken cancellationToken);
}
