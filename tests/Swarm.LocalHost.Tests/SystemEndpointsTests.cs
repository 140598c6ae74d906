using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>The spec's system endpoints (state, health, metrics) on a host that has done some work.</summary>
public sealed class SystemEndpointsTests
{
    [Fact]
    public async Task State_health_and_metrics_describe_the_running_swarm()
    {
        await using var host = await LocalHostProcess.StartAsync(("system__maxAgents", "7"));
        var id = await TaskPolling.SubmitAsync(host, "something to count");
        await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));

        var state = await GetAsync(host, "/api/v1/system/state");
        var health = await GetAsync(host, "/api/v1/system/health");
        var metrics = await GetAsync(host, "/api/v1/system/metrics");
        var agentKey = (await TestAgents.IssueKeyAsync(host, "reader-1")).GetProperty("apiKey").GetString()!;
        using var byAgent = host.Request(HttpMethod.Get, "/api/v1/system/state", role: null);
        byAgent.Headers.Add("X-Api-Key", agentKey);
        using var asAgent = await host.Http.SendAsync(byAgent);

        Assert.Equal(7, state.GetProperty("system").GetProperty("maxAgents").GetInt32());
        Assert.True(state.GetProperty("agents").GetProperty("byType").GetProperty("queen").GetInt32() >= 1);
        Assert.Equal(state.GetProperty("agents").GetProperty("total").GetInt32(), state.GetProperty("agents").GetProperty("byLifecycle").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(state.GetProperty("queue").GetProperty("countsComplete").GetBoolean());
        Assert.Equal(JsonValueKind.True, state.GetProperty("scaling").GetProperty("enabled").ValueKind);
        Assert.True(state.GetProperty("realtime").GetProperty("active").GetBoolean());
        Assert.NotEqual(Environment.ProcessId, state.GetProperty("instance").GetProperty("processId").GetInt32());

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.All(health.GetProperty("checks").EnumerateObject(), check => Assert.Equal("ok", check.Value.GetString()));

        var models = metrics.GetProperty("models");
        Assert.True(models.GetProperty("calls").GetInt64() >= 1);
        Assert.Contains(models.GetProperty("routes").EnumerateArray(), r => r.GetProperty("provider").GetString() == "simulated" && r.GetProperty("calls").GetInt64() >= 1);
        Assert.Equal(models.GetProperty("routes").EnumerateArray().Sum(r => r.GetProperty("outputTokens").GetInt64()), models.GetProperty("outputTokens").GetInt64());
        Assert.True(metrics.GetProperty("instance").GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.Equal(0, metrics.GetProperty("consensus").GetProperty("finishedProposals").GetInt32());

        // The agent role has no system:read.
        Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);
    }

    static async Task<JsonElement> GetAsync(LocalHostProcess host, string path)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, path));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
