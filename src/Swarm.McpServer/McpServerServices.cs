using Microsoft.Extensions.DependencyInjection;
using Swarm.McpServer.Tools;

namespace Swarm.McpServer;

/// <summary>Registers the MCP endpoint's handler and the tool calls it makes; the composition root calls it for both hosts.</summary>
public static class McpServerServices
{
    public static IServiceCollection AddSwarmMcpServer(this IServiceCollection services)
    {
        services.AddSingleton<SwarmToolCalls>();
        services.AddSingleton<McpEndpointHandler>();
        return services;
    }
}
