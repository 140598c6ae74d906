using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Providers.Tests.Fakes;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Agents that act, on the whole local host (durable runtime on Azurite): the tool loop driven by a vendor model over
/// its real wire format (the OpenAI SDK against a server that speaks it), and by the simulated provider's seeded tool
/// calls. What the model is offered, what it gets back, what is refused, what is remembered, and what is on record.
/// </summary>
public sealed class AgentToolLoopTests(AgentToolLoopTests.Host host) : IClassFixture<AgentToolLoopTests.Host>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public sealed class Host : IAsyncLifetime
    {
        public FakeVendorServer Vendor { get; private set; } = null!;

        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Vendor = await FakeVendorServer.StartAsync();
            Process = await LocalHostProcess.StartAsync(
                ("OPENAI_API_KEY", "sk-tool-loop-test-0123456789abcdef"),
                ("providers__openai__baseUrl", new Uri(Vendor.BaseUri, "v1/").ToString()),
                ("providers__openai__maxRetries", "0"),
                // The MCP project's reference server, over stdio, as an operator would declare it.
                ("mcp__servers__everything__command", "node"),
                ("mcp__servers__everything__args__0", Path.Combine(Swarm.Tests.RepositoryPaths.Root, "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js")),
                ("mcp__servers__everything__args__1", "stdio"),
                // 5 s: the first listing starts the server (node, cold) within it, which took over 2 s on a busy 2-core machine.
                ("mcp__callTimeoutSeconds", "5"));
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            await Vendor.DisposeAsync();
        }
    }

    /// <summary>An agent on the fake OpenAI vendor, with the given tools and expertise, alone in its expertise.</summary>
    Task VendorAgentAsync(string id, string expertise, string[] tools, object? extra = null, string[]? permissions = null) =>
        TaskSubmissions.CreateAgentAsync(host.Process, new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = id,
            ["type"] = "specialist",
            ["role"] = new { type = "operational", permissions = permissions ?? [], expertise = new[] { expertise }, priority = 9 },
            ["provider"] = new { type = "openai", model = "m-tools" },
            ["maxConcurrency"] = 2,
            ["tools"] = tools,
            ["maxTurns"] = (extra as int?) ?? 4,
        });

    async Task<JsonElement> RunAsync(string prompt, string capability)
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(host.Process, new { prompt, capabilities = new[] { capability }, strategy = "single" });
        var task = await TaskPolling.WaitUntilFinishedAsync(host.Process, id, Patience);
        Assert.True(task.GetProperty("status").GetString() == "completed", $"the task did not complete: {task}");
        return task;
    }

    static IEnumerable<string> Timeline(JsonElement task, string kind) =>
        task.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind).Select(e => e.GetProperty("detail").GetString()!);

    /// <summary>The chat-completions requests the vendor received since <paramref name="skip"/>, parsed.</summary>
    List<JsonElement> VendorRequests(int skip) =>
        [.. host.Vendor.Requests.Skip(skip).Where(r => r.Path.EndsWith("chat/completions", StringComparison.Ordinal)).Select(r => JsonDocument.Parse(r.Body).RootElement.Clone())];

    static IEnumerable<string> DeclaredTools(JsonElement request) =>
        request.TryGetProperty("tools", out var tools) ? tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!) : [];

    static IEnumerable<JsonElement> ToolMessages(JsonElement request) =>
        request.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("role").GetString() == "tool");

    [Fact]
    public async Task A_model_gets_its_instructions_only_its_tools_and_the_results_of_the_calls_it_made()
    {
        await VendorAgentAsync("mem-writer", "tool-notes", ["memory_put", "memory_get"]);
        var seen = host.Vendor.Requests.Count;
        host.Vendor.Enqueue(
            FakeReply.ToolCalls([new FakeToolCall("call-1", "memory_put", """{"key":"finding","value":"Durable loops survive crashes."}""")]),
            FakeReply.ToolCalls([new FakeToolCall("call-2", "memory_get", """{"key":"finding"}""")]),
            FakeReply.Text("Noted: durable loops survive crashes.", inputTokens: 30, outputTokens: 9));

        var task = await RunAsync("Record what we know about durable loops.", "tool-notes");

        var requests = VendorRequests(seen);
        Assert.Equal(3, requests.Count);
        Assert.Equal(["memory_put", "memory_get"], DeclaredTools(requests[0]).Order(StringComparer.Ordinal).Reverse());
        var system = requests[0].GetProperty("messages")[0];
        Assert.Equal("system", system.GetProperty("role").GetString());
        Assert.Contains("specialist agent", system.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("Stored 'finding' in namespace '" + task.GetProperty("id").GetString() + "'.", ToolMessages(requests[1]).Single().GetProperty("content").GetString());
        Assert.Equal("Durable loops survive crashes.", ToolMessages(requests[2]).Last().GetProperty("content").GetString());

        var result = task.GetProperty("result");
        Assert.Equal("Noted: durable loops survive crashes.", result.GetProperty("text").GetString());
        Assert.Equal(3, result.GetProperty("turns").GetInt32());
        Assert.Equal(2, result.GetProperty("toolCalls").GetInt32());
        Assert.Equal(11 + 11 + 30, result.GetProperty("inputTokens").GetInt64());
        Assert.Equal(2, Timeline(task, "tool").Count(d => d.Contains("mem-writer memory_", StringComparison.Ordinal) && d.Contains("succeeded", StringComparison.Ordinal)));

        // The task's shared namespace holds what the agent wrote, by the agent.
        using var memory = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Get, $"/api/v1/memory/{task.GetProperty("id").GetString()}/finding"));
        var entry = await memory.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Durable loops survive crashes.", entry.GetProperty("value").GetString());
        Assert.Equal("agent:mem-writer", entry.GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task Tools_the_agent_may_not_use_bad_arguments_and_namespaces_out_of_reach_are_answered_as_errors_and_audited()
    {
        await VendorAgentAsync("mem-reader", "tool-refusals", ["memory_get"], permissions: ["memory:shared-notes:read"]);
        var seen = host.Vendor.Requests.Count;
        host.Vendor.Enqueue(
            FakeReply.ToolCalls(
            [
                new FakeToolCall("c-put", "memory_put", """{"key":"k","value":"v"}"""),
                new FakeToolCall("c-mcp", "mcp__files__read_file", """{"path":"/etc/passwd"}"""),
                new FakeToolCall("c-bad", "memory_get", """{"key":5}"""),
                new FakeToolCall("c-other", "memory_get", """{"key":"k","namespace":"someone-else"}"""),
                new FakeToolCall("c-team", "memory_get", """{"key":"k","namespace":"shared-notes"}"""),
            ]),
            FakeReply.Text("I could not do most of that."));

        var task = await RunAsync("Try tools you may not use.", "tool-refusals");

        var results = ToolMessages(VendorRequests(seen)[1]).ToDictionary(m => m.GetProperty("tool_call_id").GetString()!, m => m.GetProperty("content").GetString()!);
        Assert.StartsWith("Error: Agent 'mem-reader' may not use 'memory_put'", results["c-put"], StringComparison.Ordinal);
        Assert.StartsWith("Error: Agent 'mem-reader' may not use 'mcp__files__read_file'", results["c-mcp"], StringComparison.Ordinal);
        Assert.Equal("Error: Bad arguments for 'memory_get': 'key' must be a string.", results["c-bad"]);
        Assert.StartsWith("Error: Memory namespace 'someone-else' is not readable by agent 'mem-reader'", results["c-other"], StringComparison.Ordinal);
        Assert.Equal("No entry 'k' in namespace 'shared-notes'.", results["c-team"]);
        Assert.Equal("I could not do most of that.", task.GetProperty("result").GetProperty("text").GetString());
        Assert.Equal(3, Timeline(task, "tool").Count(d => d.Contains("refused", StringComparison.Ordinal)));

        // Every call is in the audit trail, by the agent; refusals as denied.
        var audit = await AuditAsync("agent:mem-reader", "ToolCall", task.GetProperty("id").GetString()!, expected: 5);
        Assert.Equal(3, audit.Count(r => r.GetProperty("outcome").GetString() == "denied"));
        Assert.Contains(audit, r => r.GetProperty("resource").GetString()!.EndsWith("/tools/mcp__files__read_file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_turn_a_limit_allows_is_asked_without_tools_and_told_why()
    {
        await TaskSubmissions.CreateAgentAsync(host.Process, new
        {
            id = "budgeted",
            name = "budgeted",
            type = "specialist",
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { "tool-budget" }, priority = 9 },
            provider = new { type = "openai", model = "m-tools" },
            maxConcurrency = 1,
            tools = new[] { "memory_*" },
            maxToolCalls = 1,
        });
        var seen = host.Vendor.Requests.Count;
        host.Vendor.Enqueue(
            FakeReply.ToolCalls([new FakeToolCall("a", "memory_list", "{}"), new FakeToolCall("b", "memory_list", "{}")]),
            FakeReply.Text("Answer with what I have."));

        var task = await RunAsync("Use more tools than you may.", "tool-budget");

        var requests = VendorRequests(seen);
        Assert.Equal(2, requests.Count);
        var results = ToolMessages(requests[1]).ToDictionary(m => m.GetProperty("tool_call_id").GetString()!, m => m.GetProperty("content").GetString()!);
        Assert.DoesNotContain("Error", results["a"], StringComparison.Ordinal);
        Assert.StartsWith("Error: Not run: this step's tool calls are spent (maxToolCalls 1)", results["b"], StringComparison.Ordinal);
        Assert.Empty(DeclaredTools(requests[1]));
        Assert.Contains("maxToolCalls 1", requests[1].GetProperty("messages")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, task.GetProperty("result").GetProperty("toolCalls").GetInt32());
        Assert.Contains(Timeline(task, "loop-ended"), d => d.Contains("maxToolCalls 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_puts_questions_to_other_agents_by_capability_and_by_id_as_steps_of_the_same_task()
    {
        await VendorAgentAsync("asker", "tool-asking", ["ask"]);
        await TaskSubmissions.CreateAgentAsync(host.Process, "checker-1", "specialist", ["fact-checking-tools"]);
        await TaskSubmissions.CreateAgentAsync(host.Process, "named-helper", "specialist", ["rarely-needed"]);
        var seen = host.Vendor.Requests.Count;
        host.Vendor.Enqueue(
            FakeReply.ToolCalls(
            [
                new FakeToolCall("q1", "ask", """{"question":"Is water wet?","capability":"fact-checking-tools"}"""),
                new FakeToolCall("q2", "ask", """{"question":"Is fire hot?","agent":"named-helper"}"""),
                new FakeToolCall("q3", "ask", """{"question":"Who am I?","agent":"asker"}"""),
            ]),
            FakeReply.Text("The colleagues have spoken."));

        var task = await RunAsync("Check facts with colleagues.", "tool-asking");

        var answers = ToolMessages(VendorRequests(seen)[1]).ToDictionary(m => m.GetProperty("tool_call_id").GetString()!, m => m.GetProperty("content").GetString()!);
        Assert.Equal("checker-1 answered:\n" + Swarm.Providers.Simulated.SimulatedChatClient.Answer("Is water wet?"), answers["q1"]);
        Assert.Equal("named-helper answered:\n" + Swarm.Providers.Simulated.SimulatedChatClient.Answer("Is fire hot?"), answers["q2"]);
        Assert.Equal("Error: Bad arguments for 'ask': 'agent' names the asking agent itself; ask another agent.", answers["q3"]);
        Assert.Contains(Timeline(task, "assigned"), d => d.StartsWith("answer.1.ask1-1: checker-1", StringComparison.Ordinal));
        Assert.Contains(Timeline(task, "assigned"), d => d.StartsWith("answer.1.ask1-2: named-helper", StringComparison.Ordinal));
        var agents = task.GetProperty("agents").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("checker-1", agents);
        Assert.Contains("named-helper", agents);
    }

    [Fact]
    public async Task Vote_runs_a_recorded_consensus_round_among_agents_with_the_capability()
    {
        await VendorAgentAsync("chair", "tool-voting", ["vote"]);
        foreach (var voter in new[] { "judge-1", "judge-2", "judge-3" })
        {
            await TaskSubmissions.CreateAgentAsync(host.Process, voter, "specialist", ["judging"]);
        }

        var seen = host.Vendor.Requests.Count;
        host.Vendor.Enqueue(
            FakeReply.ToolCalls([new FakeToolCall("v1", "vote", """{"question":"Ship it?","options":["yes","no"],"capability":"judging","voters":3}""")]),
            FakeReply.Text("The judges decided."));

        await RunAsync("Let the judges decide.", "tool-voting");

        var result = ToolMessages(VendorRequests(seen)[1]).Single().GetProperty("content").GetString()!;
        Assert.StartsWith("Decided: ", result, StringComparison.Ordinal);
        var proposalId = System.Text.RegularExpressions.Regex.Match(result, "proposal-[0-9a-f]{32}").Value;
        using var proposal = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Get, $"/api/v1/consensus/proposals/{proposalId}"));
        Assert.Equal(HttpStatusCode.OK, proposal.StatusCode);
        var body = await proposal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("decided", body.GetProperty("status").GetString());
    }

    async Task<List<JsonElement>> AuditAsync(string principal, string action, string taskId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Get, $"/api/v1/audit?principal={Uri.EscapeDataString(principal)}&action={action}&pageSize=100"));
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("correlationId").GetString() == taskId).ToList();
            if (items.Count >= expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, items.Count);
                return items;
            }

            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Agents_of_one_task_build_on_each_others_findings_through_its_memory()
    {
        await TaskSubmissions.CreateAgentAsync(host.Process, SimulatedToolAgent("sim-researcher", "sim-research", "memory_put"));
        await TaskSubmissions.CreateAgentAsync(host.Process, SimulatedToolAgent("sim-writer", "sim-writing", "memory_search"));

        var id = await TaskSubmissions.SubmitAcceptedAsync(host.Process, new
        {
            prompt = "Explain why durable agent loops survive crashes.",
            stages = new object[]
            {
                new { name = "research", instruction = "Find the facts.", capabilities = new[] { "sim-research" } },
                new { name = "write", instruction = "Write them up.", capabilities = new[] { "sim-writing" } },
            },
        });
        var task = await TaskPolling.WaitUntilFinishedAsync(host.Process, id, Patience);
        Assert.True(task.GetProperty("status").GetString() == "completed", $"the task did not complete: {task}");

        // The researcher wrote into the task's namespace; the writer recalled it before its first turn and searched it.
        using var listing = await host.Process.Http.SendAsync(host.Process.Request(HttpMethod.Get, $"/api/v1/memory/{id}"));
        var entries = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray().ToList();
        var written = Assert.Single(entries);
        Assert.Equal("agent:sim-researcher", written.GetProperty("updatedBy").GetString());
        var key = written.GetProperty("key").GetString()!;
        Assert.Contains(Timeline(task, "recalled"), d => d.StartsWith("2-write: sim-writer recalled", StringComparison.Ordinal) && d.Contains($"{id}/{key}", StringComparison.Ordinal));
        Assert.Contains(Timeline(task, "tool"), d => d.Contains("sim-researcher memory_put succeeded", StringComparison.Ordinal));
        Assert.Contains(Timeline(task, "tool"), d => d.Contains("sim-writer memory_search succeeded", StringComparison.Ordinal));
        var final = task.GetProperty("result");
        Assert.True(final.GetProperty("simulated").GetBoolean());
        Assert.Equal(2, final.GetProperty("turns").GetInt32());
        Assert.Contains("[simulated] tool memory_search (sim-call-1-1) returned: " + key, final.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    static object SimulatedToolAgent(string id, string expertise, string tool) => new
    {
        id,
        name = id,
        type = "specialist",
        role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { expertise }, priority = 9 },
        provider = new { type = "simulated", model = "sim" },
        maxConcurrency = 2,
        tools = new[] { tool },
    };

    [Fact]
    public async Task Tools_of_an_mcp_server_are_offered_called_as_activities_and_a_hung_one_is_answered_with_an_error()
    {
        await VendorAgentAsync("mcp-user", "tool-servers", ["mcp__everything__*"]);
        var seen = host.Vendor.Requests.Count;
        host.Vendor.Enqueue(
            FakeReply.ToolCalls(
            [
                new FakeToolCall("e1", "mcp__everything__echo", """{"message":"hello from the loop"}"""),
                new FakeToolCall("s1", "mcp__everything__trigger-long-running-operation", """{"duration":30,"steps":1}"""),
            ]),
            FakeReply.Text("One worked, one hung."));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var task = await RunAsync("Use the server's tools.", "tool-servers");

        var requests = VendorRequests(seen);
        var declared = DeclaredTools(requests[0]).ToList();
        Assert.Contains("mcp__everything__echo", declared);
        Assert.DoesNotContain(declared, name => name.StartsWith("memory_", StringComparison.Ordinal));
        var results = ToolMessages(requests[1]).ToDictionary(m => m.GetProperty("tool_call_id").GetString()!, m => m.GetProperty("content").GetString()!);
        Assert.Contains("hello from the loop", results["e1"], StringComparison.Ordinal);
        Assert.StartsWith("Error: ", results["s1"], StringComparison.Ordinal);
        Assert.Contains("5 s", results["s1"], StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"the hung tool held the task for {clock.Elapsed}");
        Assert.Equal("One worked, one hung.", task.GetProperty("result").GetProperty("text").GetString());
        Assert.Contains(Timeline(task, "tool"), d => d.Contains("mcp__everything__echo succeeded", StringComparison.Ordinal));
        Assert.Contains(Timeline(task, "tool"), d => d.Contains("mcp__everything__trigger-long-running-operation failed", StringComparison.Ordinal));

        var activities = await DurableHistories.ScheduledActivitiesAsync(host.Process, task.GetProperty("id").GetString()!);
        Assert.Equal(2, activities.Count(a => a == "CallServerToolActivity"));
    }
}
