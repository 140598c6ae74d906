using System.Diagnostics;
using System.Text.Json;
using Swarm.Providers.Tests.Fakes;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Qwen Code (<c>@qwen-code/qwen-code</c>, the copy the Qwen Code agent bridge installs in <c>agents/qwen-code</c>) configured as the README shows, with the swarm
/// in its <c>settings.json</c> <c>mcpServers</c> (<c>httpUrl</c> and an Authorization header): <c>qwen mcp list</c>
/// connects to the local host's MCP endpoint. Qwen Code needs no model for this command, so it runs offline.
/// </summary>
public sealed class QwenCodeMcpTests(McpServerTests.Host host) : IClassFixture<McpServerTests.Host>
{
    static readonly string QwenCli = Path.Combine(RepositoryPaths.Root, "agents", "qwen-code", "node_modules", "@qwen-code", "qwen-code", "cli-entry.js");

    [Fact]
    public async Task Qwen_code_lists_the_swarm_as_a_connected_mcp_server()
    {
        var endpoint = new Uri(host.Process.Http.BaseAddress!, "/api/v1/mcp").ToString();
        var home = Directory.CreateTempSubdirectory("qwen-home-");
        try
        {
            Directory.CreateDirectory(Path.Combine(home.FullName, ".qwen"));
            var settings = new
            {
                mcpServers = new Dictionary<string, object>
                {
                    ["swarm"] = new
                    {
                        httpUrl = endpoint,
                        headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + host.Process.Token("operator") },
                        timeout = 20_000,
                    },
                    ["swarm-unsigned"] = new { httpUrl = endpoint, timeout = 20_000 },
                },
            };
            await File.WriteAllTextAsync(Path.Combine(home.FullName, ".qwen", "settings.json"), JsonSerializer.Serialize(settings));

            var (exitCode, output) = await RunQwenAsync(home.FullName, "mcp", "list");

            Assert.True(exitCode == 0, output);
            var lines = output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\x1b\[[0-9;]*m", string.Empty).Trim()).ToList();
            Assert.Contains(lines, l => l.EndsWith($"swarm: {endpoint} (http) - Connected", StringComparison.Ordinal));
            // The same endpoint without a credential is refused (401), and Qwen Code says so: the check above can fail.
            Assert.Contains(lines, l => l.EndsWith($"swarm-unsigned: {endpoint} (http) - Disconnected", StringComparison.Ordinal));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Qwen_code_lists_every_tool_of_the_swarm()
    {
        // What the assistant can do with the swarm is what Qwen Code lists: run headless once (its JSON output starts with
        // the tools and MCP servers of the session), against a local server that speaks OpenAI's chat-completions format.
        await using var model = await FakeVendorServer.StartAsync();
        var endpoint = new Uri(host.Process.Http.BaseAddress!, "/api/v1/mcp").ToString();
        var home = Directory.CreateTempSubdirectory("qwen-home-");
        try
        {
            Directory.CreateDirectory(Path.Combine(home.FullName, ".qwen"));
            var settings = new
            {
                mcpServers = new Dictionary<string, object>
                {
                    ["swarm"] = new { httpUrl = endpoint, headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + host.Process.Token("operator") }, timeout = 20_000 },
                },
            };
            await File.WriteAllTextAsync(Path.Combine(home.FullName, ".qwen", "settings.json"), JsonSerializer.Serialize(settings));
            var environment = new Dictionary<string, string>
            {
                ["OPENAI_BASE_URL"] = new Uri(model.BaseUri, "v1").ToString(),
                ["OPENAI_API_KEY"] = "sk-qwen-mcp-test-0123456789abcdef",
            };

            var (exitCode, stdout, stderr) = await RunQwenAsync(home.FullName, environment, "-o", "json", "--auth-type", "openai", "-m", "qwen-fake", "--approval-mode", "plan", "What can the swarm do?");

            Assert.True(exitCode == 0, stdout + stderr);
            var init = JsonDocument.Parse(stdout).RootElement.EnumerateArray().First(m => m.GetProperty("type").GetString() == "system");
            var server = Assert.Single(init.GetProperty("mcp_servers").EnumerateArray());
            Assert.Equal("swarm", server.GetProperty("name").GetString());
            Assert.Equal("connected", server.GetProperty("status").GetString());
            // Qwen Code names an MCP tool after its server, and lists every one; it hands them to its model on demand
            // (its tool_search and tool_call), so the list it starts with is the check.
            var listed = init.GetProperty("tools").EnumerateArray().Select(t => t.GetString()!).ToList();
            Assert.Equal(
                [.. Swarm.McpServer.Tools.SwarmToolCatalog.All.Select(tool => "mcp__swarm__" + tool.Name)],
                listed.Where(name => name.StartsWith("mcp__swarm__", StringComparison.Ordinal)));
            Assert.Contains(model.Requests, r => r.Path.EndsWith("chat/completions", StringComparison.Ordinal) && r.Body.Contains("tool_search", StringComparison.Ordinal));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    static async Task<(int ExitCode, string Output)> RunQwenAsync(string home, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunQwenAsync(home, new Dictionary<string, string>(), arguments);
        return (exitCode, stdout + stderr);
    }

    static async Task<(int ExitCode, string Stdout, string Stderr)> RunQwenAsync(string home, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = home, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(QwenCli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(patience.Token);
        var stderr = process.StandardError.ReadToEndAsync(patience.Token);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
