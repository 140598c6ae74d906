using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Swarm.Hosting;
using Swarm.Application.Configuration;
using Swarm.Tests;
using Swarm.Workflows.Tools;

namespace Swarm.Mcp.Tests;

/// <summary>The <c>mcp</c> section as the hosts load, check and register it (SwarmSettingsLoader, AddSwarm).</summary>
public sealed class McpSettingsTests
{
    [Fact]
    public void Stdio_and_http_servers_bind_with_their_arguments_environment_and_headers()
    {
        var settings = TestSettings.Load(
            ("mcp:servers:files:command", "npx"),
            ("mcp:servers:files:args:0", "-y"),
            ("mcp:servers:files:args:1", "@modelcontextprotocol/server-filesystem"),
            ("mcp:servers:files:env:FILES_TOKEN", "token-value"),
            ("mcp:servers:files:workingDirectory", "/srv/files"),
            ("mcp:servers:search:url", "https://tools.example.com/mcp"),
            ("mcp:servers:search:headers:Authorization", "Bearer abc"),
            ("mcp:callTimeoutSeconds", "45"));

        var files = settings.Mcp.Servers["files"];
        Assert.Equal("npx", files.Command);
        Assert.Equal(["-y", "@modelcontextprotocol/server-filesystem"], files.Args);
        Assert.Equal("token-value", files.Env["FILES_TOKEN"]);
        Assert.Equal("/srv/files", files.WorkingDirectory);
        Assert.Equal("Bearer abc", settings.Mcp.Servers["search"].Headers["Authorization"]);
        Assert.Equal(45, settings.Mcp.CallTimeoutSeconds);
        Assert.Equal(8000, settings.Mcp.MaxResultChars);
        Assert.Equal(60, settings.Mcp.ListCacheSeconds);
    }

    [Fact]
    public void Servers_bind_from_environment_variables_in_the_double_underscore_form()
    {
        var prefix = "SWARM_MCP_TEST_" + Guid.NewGuid().ToString("N") + "_";
        (string Name, string Value)[] variables =
        [
            (prefix + "mcp__servers__everything__command", "node"),
            (prefix + "mcp__servers__everything__args__0", "server.js"),
            (prefix + "mcp__servers__everything__env__API_TOKEN", "from-the-environment"),
        ];
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            var configuration = new ConfigurationBuilder()
                .AddConfiguration(TestSettings.Configuration())
                .AddEnvironmentVariables(prefix)
                .Build();

            var server = SwarmSettingsLoader.Load(configuration).Mcp.Servers["everything"];

            Assert.Equal("node", server.Command);
            Assert.Equal(["server.js"], server.Args);
            Assert.Equal("from-the-environment", server.Env["API_TOKEN"]);
        }
        finally
        {
            foreach (var (name, _) in variables)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Theory]
    [InlineData("mcp:servers:my_files:command", "node", "'mcp:servers:my_files' is not a usable server name")]
    [InlineData("mcp:servers:a-server-name-that-is-far-too-long-to-fit:command", "node", "is not a usable server name")]
    [InlineData("mcp:servers:files:args:0", "x", "'mcp:servers:files' needs 'command' (a process spoken to over stdio) or 'url'")]
    [InlineData("mcp:servers:files:comand", "node", "'mcp:servers:files:comand' is not a setting this version knows")]
    [InlineData("mcp:servers:files:url", "tools.example.com/mcp", "'mcp:servers:files:url' must be an absolute http or https URL")]
    [InlineData("mcp:servers:files:url", "ftp://tools.example.com/mcp", "'mcp:servers:files:url' must be an absolute http or https URL")]
    [InlineData("mcp:callTimeoutSeconds", "0", "'mcp:callTimeoutSeconds' must be between 1 and 540")]
    [InlineData("mcp:callTimeoutSeconds", "soon", "'mcp:callTimeoutSeconds' is 'soon', which is not a whole number")]
    [InlineData("mcp:maxResultChars", "10", "'mcp:maxResultChars' must be between 200 and 1000000")]
    [InlineData("mcp:listCacheSeconds", "-1", "'mcp:listCacheSeconds' must be between 0 (ask every time) and 86400")]
    [InlineData("mcp:server:files:command", "node", "'mcp:server' is not a setting this version knows")]
    public void A_bad_mcp_setting_stops_the_host_with_its_key_named(string key, string value, string expected)
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load((key, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_with_both_command_and_url_is_refused()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(
            ("mcp:servers:files:command", "node"), ("mcp:servers:files:url", "http://127.0.0.1:3001/mcp")));

        Assert.Contains("'mcp:servers:files' has both 'command' and 'url'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_of_the_other_kind_of_server_are_refused_by_name()
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(
            ("mcp:servers:web:url", "http://127.0.0.1:3001/mcp"),
            ("mcp:servers:web:env:TOKEN", "value"),
            ("mcp:servers:web:args:0", "--flag"),
            ("mcp:servers:files:command", "node"),
            ("mcp:servers:files:headers:Authorization", "Bearer value")));

        Assert.Contains("'mcp:servers:web:env' applies to a 'command' server only", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mcp:servers:web:args' applies to a 'command' server only", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mcp:servers:files:headers' applies to a 'url' server only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_header_name_is_named_and_no_header_value_is_shown()
    {
        const string Secret = "Bearer secret-token-value-123";
        var error = Assert.Throws<SwarmConfigurationException>(() => TestSettings.Load(
            ("mcp:servers:web:url", "https://tools.example.com/mcp"),
            ("mcp:servers:web:headers:Bad Header", Secret),
            ("mcp:servers:web:headers:Authorization", Secret),
            ("mcp:servers:web:command", "node")));

        Assert.Contains("'mcp:servers:web:headers:Bad Header' is not a valid HTTP header name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value-123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hosts_register_the_mcp_servers_when_some_are_configured_and_none_otherwise()
    {
        IToolServers Resolve(params (string Key, string? Value)[] settings)
        {
            var services = new ServiceCollection().AddLogging().AddSwarm(TestSettings.Load(settings));
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IToolServers>();
        }

        Assert.IsType<NoToolServers>(Resolve());
        Assert.IsType<McpToolServers>(Resolve(("mcp:servers:everything:command", "node")));
    }
}
