using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.LocalHost.Tests;

/// <summary>The agent listing (a Table read model kept by the workflows) and retiring agents.</summary>
public sealed class AgentLifecycleTests
{
    static string Agent(string id, string type, params string[] expertise) => JsonSerializer.Serialize(new
    {
        id,
        name = id,
        type,
        role = new { type = "operational", permissions = Array.Empty<string>(), expertise, priority = 5 },
        provider = new { type = "simulated", model = "sim" },
    });

    static async Task<string> CreateAsync(LocalHostProcess host, string body)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents", json: body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("apiKey").GetString()!;
    }

    static async Task<(List<string> Ids, string? Continuation)> ListAsync(LocalHostProcess host, string query)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/agents" + query, role: "viewer"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        return (ids, page.TryGetProperty("continuationToken", out var token) ? token.GetString() : null);
    }

    [Fact]
    public async Task The_listing_filters_by_type_and_expertise_and_pages_through_every_agent_once()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await CreateAsync(host, Agent("writer", "worker", "writing"));
        await CreateAsync(host, Agent("editor", "worker", "editing", "writing"));
        await CreateAsync(host, Agent("analyst", "specialist", "analysis"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        var writers = (await ListAsync(host, "?expertise=writing")).Ids;
        var specialists = (await ListAsync(host, "?type=specialist")).Ids;
        var paged = new List<string>();
        string? continuation = null;
        do
        {
            var (ids, next) = await ListAsync(host, "?pageSize=2" + (continuation is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuation)));
            paged.AddRange(ids);
            continuation = next;
        }
        while (continuation is not null);

        Assert.Equal(["editor", "writer"], writers.Order(StringComparer.Ordinal));
        Assert.Equal(["analyst"], specialists);
        Assert.Equal(["analyst", "editor", "queen-1", "writer"], paged.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("?type=king", "type")]
    [InlineData("?status=sleeping", "status")]
    [InlineData("?expertise=Data%20Science", "expertise")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?colour=red", "colour")]
    public async Task A_bad_listing_parameter_is_named(string query, string field)
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/agents" + query, role: "viewer"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task A_retired_agent_leaves_the_roster_and_the_default_listing_and_frees_its_place()
    {
        await using var host = await LocalHostProcess.StartAsync(("system__maxAgents", "2"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");
        var key = await CreateAsync(host, Agent("temp", "worker"));

        using var delete = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/temp"));
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        var retired = await TaskPolling.WaitForAgentAsync(host, "temp", a => a.GetProperty("status").GetString() == "retired");

        Assert.Equal("retired", retired.GetProperty("status").GetString());
        using (var withKey = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/token", UriKind.Relative)))
        {
            withKey.Headers.Add("X-Api-Key", key);
            using var exchange = await host.Http.SendAsync(withKey);
            Assert.Equal(HttpStatusCode.Unauthorized, exchange.StatusCode);
        }

        using (var newKey = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents/temp/keys")))
        {
            Assert.Equal(HttpStatusCode.Conflict, newKey.StatusCode);
        }

        await WaitUntilAsync(async () => (await ListAsync(host, "?status=retired")).Ids.SequenceEqual(["temp"]));
        Assert.DoesNotContain("temp", (await ListAsync(host, string.Empty)).Ids);
        Assert.Equal(["queen-1"], (await Entities.WaitForAsync<AgentRoster>(host, "agentroster", "swarm", r => r?.Members.Count == 1))!.Members);
        await CreateAsync(host, Agent("replacement", "worker"));
        await WaitUntilAsync(async () => (await ListAsync(host, string.Empty)).Ids.Contains("replacement"));

        // The retired id can be used again, for a new agent that starts with a clean slate.
        using (var delete2 = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/replacement")))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete2.StatusCode);
        }

        await TaskPolling.WaitForAgentAsync(host, "replacement", a => a.GetProperty("status").GetString() == "retired");
        await CreateAsync(host, Agent("temp", "worker"));
        var reborn = await TaskPolling.WaitForAgentAsync(host, "temp", a => a.GetProperty("status").GetString() == "idle");
        Assert.Equal(0, reborn.GetProperty("completed").GetInt64());
    }

    [Fact]
    public async Task An_agent_made_again_under_the_id_of_one_just_retired_is_retired_when_asked_even_while_that_retirement_finishes()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        // As a client replacing an agent does (examples/lib/swarm.mjs): retire it, wait until it shows retired, create it
        // again at once (409 until its place on the roster is free), and later retire the new one.
        await CreateAsync(host, Agent("again", "worker"));
        using (var delete = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/again")))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        }

        await TaskPolling.WaitForAgentAsync(host, "again", a => a.GetProperty("status").GetString() == "retired");
        await WaitUntilAsync(async () =>
        {
            using var created = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents", json: Agent("again", "worker")));
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"creating the agent again answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            return created.StatusCode == HttpStatusCode.Created;
        });

        using (var delete = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/again")))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        }

        var retired = await TaskPolling.WaitForAgentAsync(host, "again", a => a.GetProperty("status").GetString() == "retired");
        Assert.Equal("retired", retired.GetProperty("status").GetString());
    }

    /// <summary>A step played by the test, as a task's orchestration would ask for it: any agent but the default queen.</summary>
    static SeatRequest HeldStep(string taskId) => new(taskId, "s1", [], 5, ["queen-1"], null, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_busy_agent_drains_across_a_host_restart_and_retires_only_when_its_task_is_released()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskPolling.WaitForAgentAsync(host, "queen-1");
        await CreateAsync(host, Agent("busy-1", "worker"));
        await EntitySignals.SignalAsync(host, "dispatcher", "swarm", "Request", HeldStep("task-held"));
        await TaskPolling.WaitForAgentAsync(host, "busy-1", a => a.GetProperty("load").GetInt32() == 1);

        using (var delete = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/busy-1")))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        }

        await TaskPolling.WaitForAgentAsync(host, "busy-1", a => a.GetProperty("status").GetString() == "draining");
        host.KillHard();
        await host.StartAgainAsync();
        await EntitySignals.SignalAsync(host, "dispatcher", "swarm", "Request", HeldStep("task-new"));
        await Task.Delay(2000);
        var stillDraining = await TaskPolling.WaitForAgentAsync(host, "busy-1");
        Assert.Equal("draining", stillDraining.GetProperty("status").GetString());
        Assert.Equal(["task-held/s1"], stillDraining.GetProperty("activeTasks").EnumerateArray().Select(t => t.GetString()));

        await EntitySignals.SignalAsync(host, "dispatcher", "swarm", "Release", new SeatRelease("busy-1", "task-held/s1", [], new WorkOutcome(true, 5, new ModelUsage(1, 1, 0), DateTimeOffset.UtcNow)));

        await TaskPolling.WaitForAgentAsync(host, "busy-1", a => a.GetProperty("status").GetString() == "retired");
        await WaitUntilAsync(async () => !(await Entities.ReadAsync<AgentRoster>(host, "agentroster", "swarm"))!.Members.Contains("busy-1"));
    }

    [Fact]
    public async Task The_default_agent_cannot_be_retired_and_an_unknown_one_is_not_found()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        using var queen = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/queen-1"));
        using var unknown = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/nobody"));

        Assert.Equal(HttpStatusCode.Conflict, queen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(200);
        }
    }
}
