using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Swarm.McpServer.Tools;
using Swarm.Providers.Simulated;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The swarm's MCP server on the running local host, driven by the official MCP C# client over Streamable HTTP: the tool
/// list, a task submitted, approved and waited for with progress notifications, and each tool call's permission, audit
/// record and argument errors, which are the REST routes' own.
/// </summary>
public sealed class McpServerTests(McpServerTests.Host host) : IClassFixture<McpServerTests.Host>
{
    const string Endpoint = "/api/v1/mcp";
    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() => Process = await LocalHostProcess.StartAsync();

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    /// <summary>Collects progress as it is reported, on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    sealed class ProgressLog : IProgress<ProgressNotificationValue>
    {
        public ConcurrentQueue<ProgressNotificationValue> Seen { get; } = new();

        public void Report(ProgressNotificationValue value) => Seen.Enqueue(value);
    }

    Task<McpClient> ConnectAsync(string role) => ConnectWithAsync("Authorization", "Bearer " + Swarm.Token(role));

    async Task<McpClient> ConnectWithAsync(string header, string value) => await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
    {
        Endpoint = new Uri(Swarm.Http.BaseAddress!, Endpoint),
        TransportMode = HttpTransportMode.StreamableHttp,
        AdditionalHeaders = new Dictionary<string, string> { [header] = value },
    }));

    static string TextOf(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    static JsonElement JsonOf(CallToolResult result)
    {
        Assert.True(result.IsError is not true, TextOf(result));
        var text = TextOf(result);
        return JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..]).RootElement.Clone();
    }

    [Fact]
    public async Task The_client_lists_every_tool_with_a_schema_that_states_required_arguments_and_types()
    {
        await using var client = await ConnectAsync("viewer");

        var tools = await client.ListToolsAsync();

        Assert.Equal(SwarmToolCatalog.All.Select(t => t.Name).Order(StringComparer.Ordinal), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("swarm", client.ServerInfo?.Name);
        var submit = tools.Single(t => t.Name == "submit_task").JsonSchema;
        Assert.Equal(["prompt"], submit.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("string", submit.GetProperty("properties").GetProperty("prompt").GetProperty("type").GetString());
        Assert.Equal("integer", submit.GetProperty("properties").GetProperty("priority").GetProperty("type").GetString());
        Assert.Contains("consensus", submit.GetProperty("properties").GetProperty("strategy").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var memoryPut = tools.Single(t => t.Name == "memory_put").JsonSchema;
        Assert.Equal(["namespace", "key", "value"], memoryPut.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_task_submitted_approved_and_waited_for_completes_with_the_simulated_answer_and_reports_progress_meanwhile()
    {
        const string prompt = "Name three uses of a durable timer";
        await using var client = await ConnectAsync("admin");

        var accepted = JsonOf(await client.CallToolAsync("submit_task", new Dictionary<string, object?> { ["prompt"] = prompt, ["strategy"] = "single", ["requiresApproval"] = true }));
        var id = accepted.GetProperty("id").GetString()!;

        // The task waits for a person, so a short wait sees it going and reports that, then times out without an error.
        // On a busy machine its workflow may first run after a short wait has ended (still queued): wait again until it has.
        static bool AwaitsApproval(ProgressNotificationValue p) => p.Message?.Contains("awaitingApproval", StringComparison.Ordinal) == true;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ProgressLog waiting;
        do
        {
            waiting = new ProgressLog();
            var early = await client.CallToolAsync("wait_for_task", new Dictionary<string, object?> { ["id"] = id, ["timeoutSeconds"] = 3 }, waiting);
            Assert.True(early.IsError is not true, TextOf(early));
            Assert.Contains("has not ended", TextOf(early), StringComparison.Ordinal);
            Assert.NotEmpty(waiting.Seen);
            Assert.Equal(waiting.Seen.Select(p => p.Progress).Order(), waiting.Seen.Select(p => p.Progress));
        }
        while (!waiting.Seen.Any(AwaitsApproval) && DateTime.UtcNow < deadline);

        Assert.Contains(waiting.Seen, AwaitsApproval);

        JsonOf(await client.CallToolAsync("approve_task", new Dictionary<string, object?> { ["id"] = id, ["comment"] = "fine" }));
        var task = JsonOf(await client.CallToolAsync("wait_for_task", new Dictionary<string, object?> { ["id"] = id, ["timeoutSeconds"] = 90 }, new ProgressLog()));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(SimulatedChatClient.Answer(prompt), task.GetProperty("result").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_tool_call_without_its_routes_permission_is_a_tool_error_and_is_audited_as_refused()
    {
        await using var client = await ConnectAsync("viewer");

        var refused = await client.CallToolAsync("submit_task", new Dictionary<string, object?> { ["prompt"] = "not allowed" });

        Assert.True(refused.IsError);
        var text = TextOf(refused);
        Assert.Contains("HTTP 403", text, StringComparison.Ordinal);
        Assert.Contains("tasks:submit", text, StringComparison.Ordinal);
        var correlationId = text[(text.IndexOf("Correlation id: ", StringComparison.Ordinal) + "Correlation id: ".Length)..].TrimEnd('.', '\n');
        var record = await AuditRecordAsync(correlationId);
        Assert.Equal("SubmitTask", record.GetProperty("action").GetString());
        Assert.Equal("denied", record.GetProperty("outcome").GetString());
        Assert.Equal("test-viewer", record.GetProperty("principal").GetString());
    }

    [Fact]
    public async Task An_agents_api_key_acts_as_that_agent_through_the_tools_as_over_rest()
    {
        await TestAgents.EnsureAsync(Swarm, "mcp-agent-1");
        var key = (await TestAgents.IssueKeyAsync(Swarm, "mcp-agent-1")).GetProperty("apiKey").GetString()!;
        await using var client = await ConnectWithAsync("X-Api-Key", key);

        var own = JsonOf(await client.CallToolAsync("get_agent", new Dictionary<string, object?> { ["id"] = "mcp-agent-1" }));
        var other = await client.CallToolAsync("get_agent", new Dictionary<string, object?> { ["id"] = "queen-1" });

        Assert.Equal("mcp-agent-1", own.GetProperty("id").GetString());
        Assert.True(other.IsError);
        Assert.Contains("HTTP 403", TextOf(other), StringComparison.Ordinal);
        Assert.Contains("agents:read", TextOf(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_are_clear_tool_errors_whether_the_tool_or_the_route_finds_them()
    {
        await using var client = await ConnectAsync("admin");

        var missing = await client.CallToolAsync("submit_task", new Dictionary<string, object?> { ["priority"] = "high", ["colour"] = "red" });
        var shape = await client.CallToolAsync("submit_task", new Dictionary<string, object?> { ["prompt"] = "p", ["strategy"] = "pipeline" });
        var range = await client.CallToolAsync("wait_for_task", new Dictionary<string, object?> { ["id"] = "t", ["timeoutSeconds"] = 100_000 });
        var unknownTool = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("drop_tables").AsTask());

        Assert.True(missing.IsError);
        Assert.Contains("prompt: is required (a string)", TextOf(missing), StringComparison.Ordinal);
        Assert.Contains("priority: must be an integer, not a string", TextOf(missing), StringComparison.Ordinal);
        Assert.Contains("colour: is not an argument of submit_task", TextOf(missing), StringComparison.Ordinal);
        // The route's own validation, as REST would answer it.
        Assert.True(shape.IsError);
        Assert.Contains("HTTP 400", TextOf(shape), StringComparison.Ordinal);
        Assert.Contains("stages: a pipeline needs at least 2 stages", TextOf(shape), StringComparison.Ordinal);
        Assert.True(range.IsError);
        Assert.Contains("timeoutSeconds: must be between 1 and 600", TextOf(range), StringComparison.Ordinal);
        Assert.Contains("drop_tables", unknownTool.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_tools_put_get_and_list_an_entry_through_the_memory_routes()
    {
        await using var client = await ConnectAsync("admin");
        var key = "mcp-" + Guid.NewGuid().ToString("N")[..8];

        JsonOf(await client.CallToolAsync("memory_put", new Dictionary<string, object?> { ["namespace"] = "shared", ["key"] = key, ["value"] = "kept by an assistant" }));
        // A write is accepted (202) and applied by the namespace's entity moments later, as over REST.
        var read = await client.CallToolAsync("memory_get", new Dictionary<string, object?> { ["namespace"] = "shared", ["key"] = key });
        for (var attempt = 0; read.IsError == true && TextOf(read).Contains("HTTP 404", StringComparison.Ordinal) && attempt < 40; attempt++)
        {
            await Task.Delay(250);
            read = await client.CallToolAsync("memory_get", new Dictionary<string, object?> { ["namespace"] = "shared", ["key"] = key });
        }

        var entry = JsonOf(read);
        var listing = TextOf(await client.CallToolAsync("memory_list", new Dictionary<string, object?> { ["namespace"] = "shared" }));

        Assert.Equal("kept by an assistant", entry.GetProperty("value").GetString());
        Assert.Contains(key, listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_valid_credential_the_endpoint_answers_401_and_other_methods_405()
    {
        const string initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, UriKind.Relative)) { Content = new StringContent(initialize, Encoding.UTF8, "application/json") };
        anonymous.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var forged = Swarm.Request(HttpMethod.Post, Endpoint, role: null, json: initialize);
        forged.Headers.Authorization = new("Bearer", "not-a-token");

        using var noCredential = await Swarm.Http.SendAsync(anonymous);
        using var badCredential = await Swarm.Http.SendAsync(forged);
        using var get = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, Endpoint));

        Assert.Equal(HttpStatusCode.Unauthorized, noCredential.StatusCode);
        Assert.Equal("Bearer", noCredential.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", noCredential.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, badCredential.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
        var problem = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("stateless", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    async Task<JsonElement> AuditRecordAsync(string correlationId)
    {
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("o"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("o"));
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, $"/api/v1/audit?from={from}&to={to}&pageSize=200"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("correlationId").GetString() == correlationId);
    }
}
