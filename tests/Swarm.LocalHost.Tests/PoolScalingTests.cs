using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Domain.Agents;

namespace Swarm.LocalHost.Tests;

/// <summary>Resizing pools through <c>POST /api/v1/agents/scale</c>.</summary>
public sealed class PoolScalingTests
{
    static async Task<(HttpStatusCode Status, JsonElement Body)> ScaleAsync(LocalHostProcess host, object request)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents/scale", role: "operator", json: JsonSerializer.Serialize(request)));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    static readonly object Simulated = new { type = "simulated", model = "simulated-1" };

    [Fact]
    public async Task A_pool_scaled_without_a_template_grows_with_copies_of_its_members_profile()
    {
        await using var host = await LocalHostProcess.StartAsync(("providers__custom__baseUrl", "http://127.0.0.1:9/v1/"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");
        await TaskSubmissions.CreateAgentAsync(host, new
        {
            id = "house-1",
            name = "house-1",
            type = "specialist",
            role = new { type = "research", permissions = new[] { "task:*" }, expertise = new[] { "research" }, priority = 8 },
            provider = new { type = "custom", model = "house-model", maxTokens = 2000, temperature = 0.2 },
            maxConcurrency = 2,
        });

        var (status, result) = await ScaleAsync(host, new { type = "specialist", expertise = new[] { "research" }, delta = 1 });

        Assert.True(status == HttpStatusCode.OK, $"scale answered {(int)status}: {result}");
        Assert.Equal("house-1", result.GetProperty("copiedFrom").GetString());
        var created = await TaskPolling.WaitForAgentAsync(host, result.GetProperty("created")[0].GetString()!);
        var provider = created.GetProperty("provider");
        Assert.Equal(("custom", "house-model", 2000, 0.2), (provider.GetProperty("type").GetString(), provider.GetProperty("model").GetString(), provider.GetProperty("maxTokens").GetInt32(), provider.GetProperty("temperature").GetDouble()));
        Assert.Equal(2, created.GetProperty("maxConcurrency").GetInt32());
        Assert.Equal(("research", 8), (created.GetProperty("role").GetProperty("type").GetString(), created.GetProperty("role").GetProperty("priority").GetInt32()));
        Assert.False(created.GetProperty("autoScale").GetBoolean());
    }

    [Fact]
    public async Task Growing_an_empty_pool_without_a_provider_is_refused_naming_the_field_and_creates_nobody()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        var (status, problem) = await ScaleAsync(host, new { type = "specialist", expertise = new[] { "unheard-of" }, target = 2 });

        Assert.True(status == HttpStatusCode.BadRequest, $"scale answered {(int)status}: {problem}");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "provider");
        var roster = await Entities.ReadAsync<AgentRoster>(host, "agentroster", "swarm");
        Assert.Equal(["queen-1"], roster!.Members);
    }

    [Fact]
    public async Task A_pool_grows_to_its_target_shrinks_by_a_delta_and_never_passes_max_agents()
    {
        await using var host = await LocalHostProcess.StartAsync(("system__maxAgents", "4"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        var (grown, up) = await ScaleAsync(host, new { type = "specialist", expertise = new[] { "analysis" }, target = 4, provider = Simulated });
        var (shrunk, down) = await ScaleAsync(host, new { type = "specialist", expertise = new[] { "analysis" }, delta = -2 });

        Assert.Equal(HttpStatusCode.OK, grown);
        Assert.Equal(0, up.GetProperty("before").GetInt32());
        // Seen once under a full suite's load (4, with the queen a member too), and not reproduced in 112 runs since: the
        // roster and the host's warnings (a storage outage the watchdog saw, a lease lost) say what happened if it recurs.
        if (up.GetProperty("after").GetInt32() != 3)
        {
            var members = (await Entities.ReadAsync<AgentRoster>(host, "agentroster", "swarm"))?.Members ?? [];
            Assert.Fail($"the pool grew past maxAgents: {up}; roster now [{string.Join(", ", members)}]; host log:{Environment.NewLine}{host.Output}");
        }

        Assert.Contains("maxAgents", up.GetProperty("limit").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, shrunk);
        Assert.Equal(1, down.GetProperty("after").GetInt32());
        Assert.Equal(2, down.GetProperty("retired").GetArrayLength());
        var roster = await Entities.WaitForAsync<AgentRoster>(host, "agentroster", "swarm", r => r?.Members.Count == 2);
        Assert.Equal(2, roster!.Members.Count);
    }

    [Fact]
    public async Task Scale_requests_racing_each_other_never_pass_max_agents()
    {
        await using var host = await LocalHostProcess.StartAsync(("system__maxAgents", "5"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        var results = await Task.WhenAll(
            ScaleAsync(host, new { type = "worker", target = 4, provider = Simulated }),
            ScaleAsync(host, new { type = "specialist", expertise = new[] { "review" }, target = 4, provider = Simulated }),
            ScaleAsync(host, new { type = "worker", expertise = new[] { "writing" }, target = 4, provider = Simulated }));

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"scale answered {(int)r.Status}"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        AgentRoster? roster;
        do
        {
            await Task.Delay(500);
            roster = await Entities.ReadAsync<AgentRoster>(host, "agentroster", "swarm");
        }
        while (results.Any(r => r.Status == HttpStatusCode.Accepted) && DateTime.UtcNow < deadline && roster!.Members.Count < 5);

        Assert.Equal(5, roster!.Members.Count);
    }

    [Fact]
    public async Task Two_scalings_of_one_pool_never_interleave_each_answer_is_its_own_or_a_conflict()
    {
        await using var host = await LocalHostProcess.StartAsync(("system__maxAgents", "10"));
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        var results = await Task.WhenAll(
            ScaleAsync(host, new { type = "worker", expertise = new[] { "qa" }, target = 3, provider = Simulated }),
            ScaleAsync(host, new { type = "worker", expertise = new[] { "qa" }, target = 1, provider = Simulated }));

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"scale answered {(int)r.Status}"));
        Assert.Contains(results, r => r.Status == HttpStatusCode.OK);
        int[] targets = [3, 1];
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Status == HttpStatusCode.OK)
            {
                Assert.Equal(targets[i], results[i].Body.GetProperty("after").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Scaling_the_queen_pool_to_zero_keeps_the_default_queen()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskPolling.WaitForAgentAsync(host, "queen-1");

        var (status, result) = await ScaleAsync(host, new { type = "queen", target = 0 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, result.GetProperty("retired").GetArrayLength());
        var id = await TaskPolling.SubmitAsync(host, "still served");
        Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Scaling_needs_the_scale_permission_and_a_target_or_a_delta()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var viewer = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents/scale", role: "viewer", json: """{"type":"worker","target":1}"""));
        var (both, problem) = await ScaleAsync(host, new { type = "worker", target = 1, delta = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, both);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "target");
    }
}
