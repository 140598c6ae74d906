using Swarm.Mcp.Configuration;
using Swarm.Tests;

namespace Swarm.Mcp.Tests;

/// <summary>
/// The MCP project's own reference servers, installed from npm into node_modules (package.json), as operators would
/// declare them. Each stdio server is started with a marker argument the servers ignore, so a test can find (and kill)
/// the very process its client started.
/// </summary>
static class ReferenceServers
{
    public static string EverythingScript { get; } = Script("server-everything");

    public static string FilesystemScript { get; } = Script("server-filesystem");

    /// <summary>server-everything over stdio (its default transport); <paramref name="marker"/> ends up on its command line.</summary>
    public static McpServerSettings Everything(string? marker = null) => new()
    {
        Command = "node",
        Args = marker is null ? [EverythingScript, "stdio"] : [EverythingScript, "stdio", marker],
    };

    /// <summary>server-filesystem over stdio, allowed to read and write <paramref name="directory"/> only.</summary>
    public static McpServerSettings Filesystem(string directory) => new()
    {
        Command = "node",
        Args = [FilesystemScript, directory],
    };

    public static McpSettings Settings(params (string Name, McpServerSettings Server)[] servers)
    {
        var settings = new McpSettings();
        foreach (var (name, server) in servers)
        {
            settings.Servers[name] = server;
        }

        return settings;
    }

    static string Script(string package)
    {
        var path = Path.Combine(RepositoryPaths.Root, "node_modules", "@modelcontextprotocol", package, "dist", "index.js");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run npm ci at the repository root.");
    }
}
