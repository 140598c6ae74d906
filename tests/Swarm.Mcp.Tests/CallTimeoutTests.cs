using System.Diagnostics;
using static Swarm.Mcp.Tests.ToolServers;

namespace Swarm.Mcp.Tests;

/// <summary>How long a call may take, against server-everything's long-running operation (it sleeps for the duration asked).</summary>
public sealed class CallTimeoutTests : IAsyncLifetime
{
    McpToolServers servers = null!;

    public async Task InitializeAsync()
    {
        var settings = ReferenceServers.Settings(("everything", ReferenceServers.Everything()));
        settings.CallTimeoutSeconds = Timeout;
        settings.ListCacheSeconds = 0;
        servers = Start(settings);
        // Connected first, so the timeouts below measure the calls and not node starting up (which, on a busy machine,
        // can take longer than the short timeout itself).
        for (var attempt = 0; (await servers.ListToolsAsync(CancellationToken.None)).Count == 0; attempt++)
        {
            Assert.True(attempt < 10, "server-everything did not start");
        }
    }

    const int Timeout = 2;

    public async Task DisposeAsync() => await servers.DisposeAsync();

    [Fact]
    public async Task A_tool_slower_than_callTimeoutSeconds_is_abandoned_with_an_error_result_and_the_server_stays_usable()
    {
        var watch = Stopwatch.StartNew();
        var slow = await servers.CallToolAsync("mcp__everything__trigger-long-running-operation", Arguments(new { duration = 30, steps = 1 }), CancellationToken.None);
        watch.Stop();

        Assert.True(slow.IsError);
        Assert.Contains($"did not answer within {Timeout} s", slow.Text, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(Timeout - 0.1), TimeSpan.FromSeconds(Timeout + 8));

        var next = await servers.CallToolAsync("mcp__everything__echo", Arguments(new { message = "still here" }), CancellationToken.None);
        Assert.Equal("Echo: still here", next.Text);
    }

    [Fact]
    public async Task A_call_the_caller_cancels_throws_instead_of_giving_a_result()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            servers.CallToolAsync("mcp__everything__trigger-long-running-operation", Arguments(new { duration = 30, steps = 1 }), cancel.Token));
    }
}
