using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Domain.Agents;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>Creating agents through the API, the roster's limits, and the default queen.</summary>
public sealed class AgentCreationTests
{
    static string Agent(string? id = null, string type = "worker", int maxConcurrency = 3) => JsonSerializer.Serialize(new
    {
        id,
        name = "Writer",
        type,
        role = new { type = "operational", permissions = new[] { "task:*" }, expertise = new[] { "writing", "editing" }, priority = 6 },
        provider = new { type = "simulated", model = "sim-2", maxTokens = 2000, temperature = 0.3 },
        maxConcurrency,
        autoScale = true,
    });

    static async Task<HttpResponseMessage> CreateAsync(LocalHostProcess host, string body) =>
        await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents", json: body));

    [Fact]
    public async Task A_created_agent_is_readable_and_its_one_time_key_works()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var created = await CreateAsync(host, Agent("writer-7"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/agents/writer-7", created.Headers.Location?.OriginalString);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("worker", body.GetProperty("agent").GetProperty("type").GetString());
        var key = body.GetProperty("apiKey").GetProperty("apiKey").GetString()!;

        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/tasks/task-0123456789abcdef0123456789abcdef", UriKind.Relative));
        read.Headers.Add("X-Api-Key", key);
        using var withKey = await host.Http.SendAsync(read);
        Assert.Equal(HttpStatusCode.NotFound, withKey.StatusCode);

        using var agent = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/agents/writer-7", role: "viewer"));
        var view = await agent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, view.GetProperty("maxConcurrency").GetInt32());
        Assert.Equal("sim-2", view.GetProperty("provider").GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_second_agent_with_the_same_id_is_a_conflict()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var first = await CreateAsync(host, Agent("twin"));
        using var second = await CreateAsync(host, Agent("twin"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","type":"king","provider":{"type":"simulated","model":"m"}}""", "type")]
    [InlineData("""{"name":"x","provider":{"type":"gpt","model":"m"}}""", "provider.type")]
    [InlineData("""{"name":"","provider":{"type":"simulated","model":"m"}}""", "name")]
    [InlineData("""{"name":"x","maxConcurrency":0,"provider":{"type":"simulated","model":"m"}}""", "maxConcurrency")]
    [InlineData("""{"name":"x","provider":{"type":"simulated","model":"m","temperature":3}}""", "provider.temperature")]
    [InlineData("""{"name":"x","role":{"expertise":["Data Science"]},"provider":{"type":"simulated","model":"m"}}""", "role.expertise")]
    [InlineData("""{"id":"bad id!","name":"x","provider":{"type":"simulated","model":"m"}}""", "id")]
    public async Task An_invalid_configuration_is_refused_naming_the_field_and_creates_nothing(string body, string field)
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        using var response = await CreateAsync(host, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        var roster = await Entities.ReadAsync<AgentRoster>(host, "agentroster", "swarm");
        Assert.Equal(["queen-1"], roster!.Members);
    }

    [Fact]
    public async Task Concurrent_creations_never_take_the_swarm_past_max_agents()
    {
        await using var host = await LocalHostProcess.StartAsync(("system__maxAgents", "3"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => CreateAsync(host, Agent("racer-" + i))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var roster = await Entities.WaitForAsync<AgentRoster>(host, "agentroster", "swarm", r => r?.Members.Count == 3);
        Assert.Equal(3, roster!.Members.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_create_the_default_queen_exactly_once()
    {
        var (first, second) = await LocalHostProcess.StartPairAsync();
        await using (first)
        await using (second)
        {
            await TaskPolling.WaitForAgentAsync(first, "queen-1");

            var roster = await Entities.WaitForAsync<AgentRoster>(first, "agentroster", "swarm", r => r?.Members.Count == 1);
            Assert.Equal(["queen-1"], roster!.Members);
            using var queen = await second.Http.SendAsync(second.Request(HttpMethod.Get, "/api/v1/agents/queen-1", role: "viewer"));
            Assert.Equal("queen", (await queen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task A_changed_default_agent_setting_reaches_the_existing_queen_after_a_restart()
    {
        await using var host = await LocalHostProcess.StartAsync(("defaultAgent__maxConcurrency", "2"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1", q => q.GetProperty("maxConcurrency").GetInt32() == 2);
        var id = await TaskPolling.SubmitAsync(host, "counted before the restart");
        await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));

        host.KillHard();
        host.Configure("defaultAgent__maxConcurrency", "7");
        await host.StartAgainAsync();

        var queen = await TaskPolling.WaitForAgentAsync(host, "queen-1", q => q.GetProperty("maxConcurrency").GetInt32() == 7);
        Assert.Equal(1, queen.GetProperty("completed").GetInt64());
    }
}
