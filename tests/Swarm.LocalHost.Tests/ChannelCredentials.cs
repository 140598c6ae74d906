using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>What a client of the real-time channel asks the REST API for before it connects: a negotiated URL, an agent's key, a session.</summary>
static class ChannelCredentials
{
    /// <summary>The WebSocket URL <c>GET /api/v1/realtime/negotiate</c> gives this credential (asserting it does).</summary>
    public static async Task<string> NegotiateAsync(LocalHostProcess host, AuthenticationHeaderValue credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/realtime/negotiate", UriKind.Relative));
        request.Headers.Authorization = credential;
        using var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"negotiate answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("url").GetString()!;
    }

    /// <summary>A fresh API key of the agent, as an <c>Authorization: ApiKey</c> header value.</summary>
    public static async Task<AuthenticationHeaderValue> AgentKeyAsync(LocalHostProcess host, string agentId) =>
        new("ApiKey", (await TestAgents.IssueKeyAsync(host, agentId)).GetProperty("apiKey").GetString()!);

    /// <summary>A session token of the agent, from <c>POST /api/v1/auth/token</c> with a fresh key.</summary>
    public static async Task<string> SessionAsync(LocalHostProcess host, string agentId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token");
        request.Headers.Authorization = await AgentKeyAsync(host, agentId);
        using var response = await host.Http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
