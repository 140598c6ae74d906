using System.Text.Json;

namespace Swarm.Workflows.Tools;

/// <summary>The tool servers of a swarm that declares none: nothing to list, and every call answered as an error naming the tool.</summary>
public sealed class NoToolServers : IToolServers
{
    public Task<IReadOnlyList<ToolDefinition>> ListToolsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ToolDefinition>>([]);

    public Task<ToolResult> CallToolAsync(string name, JsonElement arguments, CancellationToken cancellationToken) =>
        Task.FromResult(ToolResult.Error($"There is no tool named '{name}': this swarm declares no tool servers."));
}
