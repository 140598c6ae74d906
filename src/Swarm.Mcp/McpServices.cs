using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Swarm.Mcp.Configuration;
using Swarm.Workflows.Tools;

namespace Swarm.Mcp;

/// <summary>Registers the workflows' <see cref="IToolServers"/> port: the MCP servers of <c>mcp:servers</c>, or none.</summary>
public static class McpServices
{
    public static IServiceCollection AddMcpToolServers(this IServiceCollection services, McpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(TimeProvider.System);
        if (settings.Servers.Count == 0)
        {
            services.AddSingleton<IToolServers, NoToolServers>();
        }
        else
        {
            // The container disposes it on shutdown, which ends the server processes it started.
            services.AddSingleton<IToolServers>(sp => new McpToolServers(
                settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<McpToolServers>>()));
        }

        return services;
    }
}
