using Swarm.Workflows.Tools;
using static Swarm.Mcp.Tests.ToolServers;

namespace Swarm.Mcp.Tests;

/// <summary>The adapter against the MCP project's server-everything, started from node_modules over stdio.</summary>
public sealed class StdioServerTests : IAsyncLifetime
{
    McpToolServers servers = null!;

    public Task InitializeAsync()
    {
        servers = Start(ReferenceServers.Settings(("everything", ReferenceServers.Everything())));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await servers.DisposeAsync();

    [Fact]
    public async Task Tools_are_listed_under_the_server_prefix_with_their_descriptions_and_schemas()
    {
        var tools = await servers.ListToolsAsync(CancellationToken.None);

        Assert.Contains(tools, t => t.Name == "mcp__everything__echo");
        Assert.Contains(tools, t => t.Name == "mcp__everything__get-sum");
        Assert.All(tools, t => Assert.StartsWith("mcp__everything__", t.Name, StringComparison.Ordinal));
        Assert.All(tools, t => Assert.True(ToolNames.IsToolName(t.Name), t.Name));
        var echo = tools.Single(t => t.Name == "mcp__everything__echo");
        Assert.Equal("Echoes back the input string", echo.Description);
        Assert.Equal("object", echo.InputSchema.GetProperty("type").GetString());
        Assert.Equal("string", echo.InputSchema.GetProperty("properties").GetProperty("message").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_tool_whose_prefixed_name_would_be_too_long_is_skipped_and_logged()
    {
        // The longest server name allowed: mcp__ + 32 + __ leaves 25 characters, and trigger-long-running-operation has 30.
        const string Server = "everything-with-a-long-name-0032";
        var log = new RecordingLogger<McpToolServers>();
        await using var longNamed = Start(ReferenceServers.Settings((Server, ReferenceServers.Everything())), log);

        var tools = await longNamed.ListToolsAsync(CancellationToken.None);

        Assert.Contains(tools, t => t.Name == $"mcp__{Server}__echo");
        Assert.DoesNotContain(tools, t => t.Name.Contains("trigger-long-running-operation", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Id.Id == 1702 && l.Message.Contains("'trigger-long-running-operation' is skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_sends_its_arguments_and_returns_the_tools_text()
    {
        var result = await servers.CallToolAsync("mcp__everything__get-sum", Arguments(new { a = 2, b = 40 }), CancellationToken.None);

        Assert.False(result.IsError, result.Text);
        Assert.Equal("The sum of 2 and 40 is 42.", result.Text);
    }

    [Fact]
    public async Task Arguments_the_tool_refuses_give_an_error_result_with_the_servers_reason()
    {
        var result = await servers.CallToolAsync("mcp__everything__get-sum", Arguments(new { a = "two", b = 40 }), CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Contains("Invalid arguments for tool get-sum", result.Text, StringComparison.Ordinal);
        Assert.Contains("expected number", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_the_server_does_not_have_gives_an_error_result_naming_it()
    {
        var result = await servers.CallToolAsync("mcp__everything__no-such-tool", NoArguments, CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Contains("no-such-tool", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_longer_than_maxResultChars_is_cut_with_a_note_of_how_much()
    {
        var settings = ReferenceServers.Settings(("everything", ReferenceServers.Everything()));
        settings.MaxResultChars = 500;
        await using var capped = Start(settings);
        var message = new string('x', 2000);

        var result = await capped.CallToolAsync("mcp__everything__echo", Arguments(new { message }), CancellationToken.None);

        Assert.False(result.IsError, result.Text);
        // "Echo: " + 2000 characters = 2006, of which 500 are kept.
        Assert.Equal("Echo: " + new string('x', 494) + "\n[truncated: 1506 of 2006 characters cut]", result.Text);
    }

    [Fact]
    public async Task Non_text_blocks_are_described_in_a_few_words()
    {
        var result = await servers.CallToolAsync("mcp__everything__get-tiny-image", NoArguments, CancellationToken.None);

        Assert.False(result.IsError, result.Text);
        var lines = result.Text.Split('\n');
        Assert.Equal("Here's the image you requested:", lines[0]);
        Assert.Matches(@"^\[image, image/png, \d+ bytes\]$", lines[1]);
        Assert.Equal("The image above is the MCP logo.", lines[2]);
        Assert.DoesNotContain("iVBOR", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_process_sees_its_configured_variables_and_none_of_the_swarms_own()
    {
        // A variable of the swarm's process, as a model key would be; the server must not inherit it.
        var hostSecret = "SWARM_TEST_HOST_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(hostSecret, "host-only-value");
        try
        {
            var server = ReferenceServers.Everything();
            server.Env["SWARM_TEST_GIVEN"] = "given-to-the-server";
            await using var configured = Start(ReferenceServers.Settings(("everything", server)));

            var result = await configured.CallToolAsync("mcp__everything__get-env", NoArguments, CancellationToken.None);

            Assert.False(result.IsError, result.Text);
            using var environment = System.Text.Json.JsonDocument.Parse(result.Text);
            Assert.Equal("given-to-the-server", environment.RootElement.GetProperty("SWARM_TEST_GIVEN").GetString());
            Assert.True(environment.RootElement.TryGetProperty("PATH", out _), "PATH is passed on, so the server can start programs.");
            Assert.False(environment.RootElement.TryGetProperty(hostSecret, out _), "The swarm's own environment leaked into the server process.");
        }
        finally
        {
            Environment.SetEnvironmentVariable(hostSecret, null);
        }
    }
}
