using static Swarm.Mcp.Tests.ToolServers;

namespace Swarm.Mcp.Tests;

/// <summary>A second real server, the MCP project's server-filesystem, confined to a directory of the test's own.</summary>
public sealed class FilesystemServerTests : IAsyncLifetime
{
    readonly string directory = Directory.CreateTempSubdirectory("swarm-mcp-").FullName;
    McpToolServers servers = null!;

    public Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "the swarm was here");
        servers = Start(ReferenceServers.Settings(
            ("files", ReferenceServers.Filesystem(directory)),
            ("everything", ReferenceServers.Everything())));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await servers.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Tools_of_several_servers_are_listed_together_each_under_its_own_prefix()
    {
        var tools = await servers.ListToolsAsync(CancellationToken.None);

        Assert.Contains(tools, t => t.Name == "mcp__files__read_text_file");
        Assert.Contains(tools, t => t.Name == "mcp__everything__echo");
        Assert.All(tools, t => Assert.Matches("^mcp__(files|everything)__", t.Name));
        Assert.Equal(tools.Count, tools.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public async Task A_file_in_the_allowed_directory_is_read()
    {
        var result = await servers.CallToolAsync("mcp__files__read_text_file", Arguments(new { path = Path.Combine(directory, "notes.txt") }), CancellationToken.None);

        Assert.False(result.IsError, result.Text);
        Assert.Equal("the swarm was here", result.Text);
    }

    [Fact]
    public async Task A_file_outside_it_is_an_error_result_with_the_servers_reason()
    {
        var result = await servers.CallToolAsync("mcp__files__read_text_file", Arguments(new { path = "/etc/hostname" }), CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Contains("Access denied", result.Text, StringComparison.Ordinal);
    }
}
