using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Agents read through the API, from their durable entities.</summary>
public sealed class AgentApiTests
{
    [Fact]
    public async Task An_agent_is_read_from_its_entity_with_its_live_statistics()
    {
        await using var host = await LocalHostProcess.StartAsync();
        var id = await TaskPolling.SubmitAsync(host, "count me");
        await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));

        var agent = await TaskPolling.WaitForAgentAsync(host, "queen-1", a => a.GetProperty("completed").GetInt64() == 1);

        Assert.Equal("queen", agent.GetProperty("type").GetString());
        Assert.Equal("simulated", agent.GetProperty("provider").GetProperty("type").GetString());
        Assert.Equal(0, agent.GetProperty("load").GetInt32());
        Assert.Equal(0, agent.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task An_unknown_or_malformed_agent_id_is_not_found()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var unknown = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/agents/nobody", role: "viewer"));
        using var malformed = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/agents/bad%20id", role: "viewer"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }
}
