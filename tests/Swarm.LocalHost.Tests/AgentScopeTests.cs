using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>An agent's credential acts only as that agent.</summary>
public sealed class AgentScopeTests
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

    static async Task<HttpStatusCode> ReadTaskAsync(LocalHostProcess host, string taskId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/tasks/" + taskId, UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }
}
