using Swarm.Mcp.Configuration;
using static Swarm.Mcp.Tests.ToolServers;

namespace Swarm.Mcp.Tests;

/// <summary>Server processes as they start, die, fail to start, are listed from the cache and are ended, watched through /proc.</summary>
public sealed class ServerLifecycleTests
{
    readonly string marker = ServerProcesses.NewMarker();

    [Fact]
    public async Task The_server_process_starts_on_first_use_not_before()
    {
        await using var servers = Start(ReferenceServers.Settings(("everything", ReferenceServers.Everything(marker))));
        Assert.Empty(ServerProcesses.WithMarker(marker));

        await servers.ListToolsAsync(CancellationToken.None);

        Assert.Single(ServerProcesses.WithMarker(marker));
    }

    [Fact]
    public async Task A_stdio_server_that_died_between_calls_is_started_again()
    {
        await using var servers = Start(ReferenceServers.Settings(("everything", ReferenceServers.Everything(marker))));
        Assert.Equal("Echo: before", (await servers.CallToolAsync("mcp__everything__echo", Arguments(new { message = "before" }), CancellationToken.None)).Text);
        var first = ServerProcesses.Single(marker);

        ServerProcesses.Kill(first);
        // A call that races the SDK noticing the death fails with the reason; it is not repeated (a server may have
        // acted on a call before it died). Whatever it met, the call after it runs on a new process.
        var racing = await servers.CallToolAsync("mcp__everything__echo", Arguments(new { message = "racing" }), CancellationToken.None);
        var after = await servers.CallToolAsync("mcp__everything__echo", Arguments(new { message = "after" }), CancellationToken.None);

        Assert.True(racing.Text == "Echo: racing" || (racing.IsError && racing.Text.Contains("exited", StringComparison.Ordinal)), racing.Text);
        Assert.False(after.IsError, after.Text);
        Assert.Equal("Echo: after", after.Text);
        Assert.NotEqual(first, ServerProcesses.Single(marker));
    }

    [Fact]
    public async Task A_server_that_cannot_start_is_left_out_and_named_while_the_others_are_listed()
    {
        var log = new RecordingLogger<McpToolServers>();
        var settings = ReferenceServers.Settings(
            ("everything", ReferenceServers.Everything()),
            ("broken", new McpServerSettings { Command = "/nonexistent/mcp-server", Args = ["--stdio"] }));
        await using var servers = Start(settings, log);

        var tools = await servers.ListToolsAsync(CancellationToken.None);
        var call = await servers.CallToolAsync("mcp__broken__anything", NoArguments, CancellationToken.None);

        Assert.Contains(tools, t => t.Name == "mcp__everything__echo");
        Assert.DoesNotContain(tools, t => t.Name.StartsWith("mcp__broken__", StringComparison.Ordinal));
        var leftOut = Assert.Single(log.Lines, l => l.Id.Id == 1701);
        Assert.Contains("broken", leftOut.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/mcp-server", leftOut.Message, StringComparison.Ordinal);
        Assert.True(call.IsError);
        Assert.Contains("'mcp__broken__anything' failed", call.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", call.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_list_is_reused_for_listCacheSeconds_and_asked_for_again_after()
    {
        var time = new ManualTime();
        var settings = ReferenceServers.Settings(("everything", ReferenceServers.Everything(marker)));
        settings.ListCacheSeconds = 60;
        await using var servers = Start(settings, time: time);
        var listed = await servers.ListToolsAsync(CancellationToken.None);

        // With the process gone, only a cached list can still name its tools, and only a fresh listing starts a new one.
        ServerProcesses.Kill(ServerProcesses.Single(marker));
        time.Advance(TimeSpan.FromSeconds(59));
        var cached = await servers.ListToolsAsync(CancellationToken.None);
        Assert.Equal(listed.Select(t => t.Name), cached.Select(t => t.Name));
        Assert.Empty(ServerProcesses.WithMarker(marker));

        time.Advance(TimeSpan.FromSeconds(2));
        var fresh = await servers.ListToolsAsync(CancellationToken.None);
        Assert.Equal(listed.Select(t => t.Name), fresh.Select(t => t.Name));
        Assert.Single(ServerProcesses.WithMarker(marker));
    }

    [Fact]
    public async Task Disposing_ends_the_server_processes()
    {
        var servers = Start(ReferenceServers.Settings(("everything", ReferenceServers.Everything(marker))));
        await servers.ListToolsAsync(CancellationToken.None);
        Assert.Single(ServerProcesses.WithMarker(marker));

        await servers.DisposeAsync();

        Assert.True(await ServerProcesses.AllEndedAsync(marker, TimeSpan.FromSeconds(10)), "a server process outlived the adapter");
    }
}
