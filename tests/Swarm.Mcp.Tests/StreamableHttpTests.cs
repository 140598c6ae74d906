using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Swarm.Mcp.Configuration;
using Swarm.Tests;
using static Swarm.Mcp.Tests.ToolServers;

namespace Swarm.Mcp.Tests;

/// <summary>The adapter over Streamable HTTP, against server-everything in its HTTP mode on a free loopback port.</summary>
public sealed class StreamableHttpTests
{
    [Fact]
    public async Task Tools_of_an_http_server_are_listed_and_called()
    {
        await using var server = await HttpEverythingServer.StartAsync();
        await using var servers = Start(ReferenceServers.Settings(("web", new McpServerSettings { Url = server.Url })));

        var tools = await servers.ListToolsAsync(CancellationToken.None);
        var result = await servers.CallToolAsync("mcp__web__get-sum", Arguments(new { a = 20, b = 22 }), CancellationToken.None);

        Assert.Contains(tools, t => t.Name == "mcp__web__echo" && t.InputSchema.GetProperty("properties").TryGetProperty("message", out _));
        Assert.All(tools, t => Assert.StartsWith("mcp__web__", t.Name, StringComparison.Ordinal));
        Assert.False(result.IsError, result.Text);
        Assert.Equal("The sum of 20 and 22 is 42.", result.Text);
    }

    [Fact]
    public async Task A_server_restarted_between_calls_is_reached_again_by_the_next_call()
    {
        var server = await HttpEverythingServer.StartAsync();
        var port = server.Port;
        await using var servers = Start(ReferenceServers.Settings(("web", new McpServerSettings { Url = server.Url })));
        Assert.Equal("Echo: before", (await servers.CallToolAsync("mcp__web__echo", Arguments(new { message = "before" }), CancellationToken.None)).Text);

        // The new process knows nothing of the session the client holds.
        await server.DisposeAsync();
        await using var restarted = await HttpEverythingServer.StartAsync(port);
        var first = await servers.CallToolAsync("mcp__web__echo", Arguments(new { message = "first" }), CancellationToken.None);
        var second = await servers.CallToolAsync("mcp__web__echo", Arguments(new { message = "second" }), CancellationToken.None);

        // The call that meets the lost session is not repeated (a server may have acted on a call before failing).
        Assert.True(first.IsError || first.Text == "Echo: first", first.Text);
        Assert.False(second.IsError, second.Text);
        Assert.Equal("Echo: second", second.Text);
    }

    [Fact]
    public async Task Configured_headers_reach_the_server_and_their_values_appear_in_no_log_or_result()
    {
        const string Secret = "Bearer sk-test-0123456789abcdef";
        var received = new ConcurrentQueue<string?>();
        var (app, root) = await LoopbackWebApp.StartAsync(async context =>
        {
            received.Enqueue(context.Request.Headers.Authorization);
            // An endpoint that refuses, echoing the credential back as careless servers do.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("refused credential " + Secret);
        }, TimeSpan.FromSeconds(1));
        await using var _ = app;
        var log = new RecordingLogger<McpToolServers>();
        var settings = ReferenceServers.Settings(("gateway", new McpServerSettings { Url = new Uri(root, "mcp").ToString(), Headers = { ["Authorization"] = Secret } }));
        await using var servers = Start(settings, log);

        var tools = await servers.ListToolsAsync(CancellationToken.None);
        var call = await servers.CallToolAsync("mcp__gateway__anything", NoArguments, CancellationToken.None);

        Assert.Contains(Secret, received);
        Assert.Empty(tools);
        Assert.Contains(log.Lines, l => l.Id.Id == 1701 && l.Message.Contains("gateway", StringComparison.Ordinal));
        Assert.True(call.IsError);
        Assert.DoesNotContain("sk-test-0123456789abcdef", call.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-0123456789abcdef", log.AllText, StringComparison.Ordinal);
    }
}
