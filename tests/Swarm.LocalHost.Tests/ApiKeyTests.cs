using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;

namespace Swarm.LocalHost.Tests;

/// <summary>Agent API keys and the sessions exchanged for them, over the running local host and its table storage.</summary>
public sealed class ApiKeyTests(TaskApiTests.Host host) : IClassFixture<TaskApiTests.Host>
{
    const string UnknownTask = "/api/v1/tasks/task-0123456789abcdef0123456789abcdef";
    LocalHostProcess Swarm => host.Process;

    async Task<JsonElement> IssueAsync(string agentId)
    {
        await TestAgents.EnsureAsync(Swarm, agentId);
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/agents/{agentId}/keys"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/agents/{agentId}/keys/{issued.GetProperty("keyId").GetString()}", response.Headers.Location?.OriginalString);
        return issued;
    }

    /// <summary>GET of an unknown task: 404 means the credential was accepted, 401/403 that it was not.</summary>
    async Task<HttpStatusCode> ReadWithAsync(Action<HttpRequestHeaders> credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(UnknownTask, UriKind.Relative));
        credential(request.Headers);
        using var response = await Swarm.Http.SendAsync(request);
        return response.StatusCode;
    }

    async Task<HttpResponseMessage> ExchangeAsync(AuthenticationHeaderValue credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/token", UriKind.Relative));
        request.Headers.Authorization = credential;
        return await Swarm.Http.SendAsync(request);
    }

    [Fact]
    public async Task An_issued_key_authenticates_as_its_agent_in_either_header()
    {
        var key = (await IssueAsync("writer-1")).GetProperty("apiKey").GetString()!;

        Assert.StartsWith("swk.", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await ReadWithAsync(h => h.Authorization = new AuthenticationHeaderValue("ApiKey", key)));
        Assert.Equal(HttpStatusCode.NotFound, await ReadWithAsync(h => h.Add("X-Api-Key", key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadWithAsync(h => h.Add("X-Api-Key", key[..^2] + "xx")));
    }

    [Fact]
    public async Task A_key_is_exchanged_for_a_session_and_revoking_the_key_ends_both()
    {
        var issued = await IssueAsync("editor-1");
        var key = issued.GetProperty("apiKey").GetString()!;
        using var exchanged = await ExchangeAsync(new AuthenticationHeaderValue("ApiKey", key));
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        var session = await exchanged.Content.ReadFromJsonAsync<JsonElement>();
        var token = session.GetProperty("accessToken").GetString()!;
        Assert.Equal("editor-1", session.GetProperty("agentId").GetString());
        Assert.Equal("Bearer", session.GetProperty("tokenType").GetString());
        Assert.InRange(session.GetProperty("expiresIn").GetInt32(), 60, 3600);
        Assert.InRange(session.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddSeconds(59), DateTimeOffset.UtcNow.AddHours(1));
        Assert.DoesNotContain(session.EnumerateObject(), field => field.Name.Contains('_', StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, await ReadWithAsync(h => h.Authorization = new AuthenticationHeaderValue("Bearer", token)));

        using var revoke = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, $"/api/v1/agents/editor-1/keys/{issued.GetProperty("keyId").GetString()}"));

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadWithAsync(h => h.Authorization = new AuthenticationHeaderValue("ApiKey", key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadWithAsync(h => h.Authorization = new AuthenticationHeaderValue("Bearer", token)));
    }

    [Fact]
    public async Task A_session_cannot_mint_another_session()
    {
        var key = (await IssueAsync("checker-1")).GetProperty("apiKey").GetString()!;
        using var first = await ExchangeAsync(new AuthenticationHeaderValue("ApiKey", key));
        var token = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        using var second = await ExchangeAsync(new AuthenticationHeaderValue("Bearer", token));

        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_key_of_another_agent_or_an_unknown_key_is_not_found()
    {
        var keyId = (await IssueAsync("owner-1")).GetProperty("keyId").GetString()!;

        using var wrongAgent = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, $"/api/v1/agents/someone-else/keys/{keyId}"));
        using var unknown = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, "/api/v1/agents/owner-1/keys/0000000000000000"));

        Assert.Equal(HttpStatusCode.NotFound, wrongAgent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Issuing_a_key_is_audited_with_its_key_id_and_never_its_secret()
    {
        var issued = await IssueAsync("audited-1");
        var keyId = issued.GetProperty("keyId").GetString()!;
        var secret = issued.GetProperty("apiKey").GetString()!.Split('.')[2];

        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/audit?action=IssueApiKey&pageSize=200"));
        var records = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();

        var record = Assert.Single(records, r => r.TryGetProperty("detail", out var d) && d.GetString()!.Contains(keyId, StringComparison.Ordinal));
        Assert.Equal("succeeded", record.GetProperty("outcome").GetString());
        Assert.DoesNotContain(records, r => r.ToString().Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        var issued = await IssueAsync("stored-1");
        var key = issued.GetProperty("apiKey").GetString()!;
        var secret = key.Split('.')[2];

        var table = new TableServiceClient(Swarm.StorageConnectionString).GetTableClient(Swarm.Table("ApiKeys"));
        var row = (await table.GetEntityAsync<TableEntity>(issued.GetProperty("keyId").GetString()!, "key")).Value;

        Assert.Equal("stored-1", row.GetString("AgentId"));
        Assert.DoesNotContain(row, p => p.Value is string text && (text.Contains(secret, StringComparison.Ordinal) || text.Contains(key, StringComparison.Ordinal)));
        Assert.Equal(32, row.GetBinary("SecretHash").Length);
    }

    [Fact]
    public async Task Issuing_keys_needs_agents_write_a_well_formed_id_and_an_existing_agent()
    {
        using var unknown = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/nobody-here/keys"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var viewer = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/a1/keys", role: "viewer"));
        using var badId = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/bad%20id!/keys"));

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
    }

    [Fact]
    public async Task No_key_is_issued_to_an_agent_from_the_moment_its_retirement_is_asked_for()
    {
        await TestAgents.EnsureAsync(Swarm, "leaving-1");

        using var retire = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, "/api/v1/agents/leaving-1"));
        using var whileDraining = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/leaving-1/keys"));
        await WaitUntilRetiredAsync("leaving-1");
        using var onceRetired = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/leaving-1/keys"));

        Assert.Equal(HttpStatusCode.Accepted, retire.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, whileDraining.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, onceRetired.StatusCode);
        Assert.Equal("urn:swarm:problem:conflict", (await whileDraining.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    async Task WaitUntilRetiredAsync(string agentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/agents/" + agentId));
            var agent = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (agent.TryGetProperty("status", out var status) && status.GetString() == "retired")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{agentId} was not retired within 30 s: {agent}");
            await Task.Delay(250);
        }
    }
}
