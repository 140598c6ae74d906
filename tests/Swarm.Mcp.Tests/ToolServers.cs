using System.Text.Json;
using Swarm.Mcp.Configuration;

namespace Swarm.Mcp.Tests;

/// <summary>Builds the adapter under test the way the hosts do, with a logger the test can read.</summary>
static class ToolServers
{
    public static McpToolServers Start(McpSettings settings, RecordingLogger<McpToolServers>? log = null, TimeProvider? time = null) =>
        new(settings, time ?? TimeProvider.System, log ?? new RecordingLogger<McpToolServers>());

    public static JsonElement Arguments(object value) => JsonSerializer.SerializeToElement(value);

    public static JsonElement NoArguments => JsonSerializer.SerializeToElement(new { });
}
