using System.Text.Json;
using Swarm.Workflows.Tools;
using static Swarm.Mcp.Tests.ToolServers;

namespace Swarm.Mcp.Tests;

/// <summary>Calls that never reach a server: names that are no server's, and arguments that are no object.</summary>
public sealed class CallRoutingTests : IAsyncLifetime
{
    readonly string marker = ServerProcesses.NewMarker();
    McpToolServers servers = null!;

    public Task InitializeAsync()
    {
        servers = Start(ReferenceServers.Settings(("everything", ReferenceServers.Everything(marker))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await servers.DisposeAsync();

    [Fact]
    public async Task A_server_that_is_not_configured_gives_an_error_result_naming_it()
    {
        var result = await servers.CallToolAsync("mcp__elsewhere__echo", NoArguments, CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Contains("'elsewhere'", result.Text, StringComparison.Ordinal);
        Assert.Contains("mcp__elsewhere__echo", result.Text, StringComparison.Ordinal);
        Assert.Empty(ServerProcesses.WithMarker(marker));
    }

    [Theory]
    [InlineData("echo")]
    [InlineData("mcp__everything")]
    [InlineData("mcp____echo")]
    public async Task A_name_that_is_no_server_tools_gives_an_error_result_naming_it(string name)
    {
        var result = await servers.CallToolAsync(name, NoArguments, CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Contains($"'{name}'", result.Text, StringComparison.Ordinal);
        Assert.Empty(ServerProcesses.WithMarker(marker));
    }

    [Fact]
    public async Task Arguments_that_are_not_an_object_give_an_error_result()
    {
        var result = await servers.CallToolAsync("mcp__everything__echo", JsonSerializer.SerializeToElement(new[] { "hello" }), CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Contains("must be a JSON object, not array", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_servers_configured_nothing_is_listed_and_a_call_is_refused_with_the_reason()
    {
        var none = new NoToolServers();

        Assert.Empty(await none.ListToolsAsync(CancellationToken.None));
        var result = await none.CallToolAsync("mcp__files__read_file", NoArguments, CancellationToken.None);
        Assert.True(result.IsError);
        Assert.Contains("No tool servers are configured (mcp:servers)", result.Text, StringComparison.Ordinal);
        Assert.Contains("'mcp__files__read_file'", result.Text, StringComparison.Ordinal);
    }
}
