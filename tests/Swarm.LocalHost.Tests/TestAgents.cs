using System.Net;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Agents for tests that need one to exist (keys are issued only to existing, active agents).</summary>
static class TestAgents
{
    /// <summary>Creates a simulated worker with this id unless it exists already.</summary>
    public static async Task EnsureAsync(LocalHostProcess host, string agentId)
    {
        var body = JsonSerializer.Serialize(new { id = agentId, name = agentId, type = "worker", provider = new { type = "simulated", model = "sim" } });
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents", json: body));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"creating agent {agentId} answered {(int)response.StatusCode}");
    }

    /// <summary>Makes sure the agent exists, issues it a key, and returns the issuing response's body (keyId, apiKey, ...).</summary>
    public static async Task<JsonElement> IssueKeyAsync(LocalHostProcess host, string agentId)
    {
        await EnsureAsync(host, agentId);
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, $"/api/v1/agents/{agentId}/keys"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonElement>(response.Content);
    }
}
