using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>An agent's credential acts only as that agent.</summary>
public sealed class AgentScopeTests(TaskApiTests.Host shared) : IClassFixture<TaskApiTests.Host>
{
    [Fact]
    public async Task An_agent_reads_the_tasks_it_worked_on_and_no_others()
    {
        await using var host = await LocalHostProcess.StartAsync();
        var id = await TaskPolling.SubmitAsync(host, "for the queen's eyes");
        await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
        var queenKey = (await TestAgents.IssueKeyAsync(host, "queen-1")).GetProperty("apiKey").GetString()!;
        var strangerKey = (await TestAgents.IssueKeyAsync(host, "stranger")).GetProperty("apiKey").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await ReadTaskAsync(host, id, queenKey));
        Assert.Equal(HttpStatusCode.NotFound, await ReadTaskAsync(host, id, strangerKey));
    }

    [Fact]
    public async Task An_agent_reads_its_own_record_though_it_lacks_agents_read_and_no_other_agents()
    {
        var swarm = shared.Process;
        var key = (await TestAgents.IssueKeyAsync(swarm, "self-reader")).GetProperty("apiKey").GetString()!;

        var (ownStatus, own) = await ReadAgentAsync(swarm, "self-reader", key);
        var (otherStatus, other) = await ReadAgentAsync(swarm, "queen-1", key);
        var (unknownStatus, _) = await ReadAgentAsync(swarm, "nobody-at-all", key);

        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal("self-reader", own.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Equal("urn:swarm:problem:forbidden", other.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, unknownStatus);
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAgentAsync(LocalHostProcess host, string agentId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/agents/" + agentId, UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    static async Task<HttpStatusCode> ReadTaskAsync(LocalHostProcess host, string taskId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/tasks/" + taskId, UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }
}
