using System.Text.Json;

namespace Swarm.Workflows.Tools;

/// <summary>The tool servers when <c>mcp:servers</c> names none: nothing is listed, and a call is an error result that says why.</summary>
public sealed class NoToolServers : IToolServers
{
    public Task<IReadOnlyList<ToolDefinition>> ListToolsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ToolDefinition>>([]);

    public Task<ToolResult> CallToolAsync(string name, JsonElement arguments, CancellationToken cancellationToken) =>
        Task.FromResult(ToolResult.Error($"No tool servers are configured (mcp:servers), so '{name}' cannot be called."));
}
