using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Swarm.Domain.Memory;

namespace Swarm.LocalHost.Tests;

/// <summary>The memory store (an entity per namespace) through the API, with and without encryption at rest, and the learning pass.</summary>
public sealed class MemoryTests
{
    static async Task<JsonElement?> ReadAsync(LocalHostProcess host, string path, string role = "viewer")
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, path, role: role));
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    static async Task<JsonElement> WaitForAsync(LocalHostProcess host, string path, Func<JsonElement, bool>? condition = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await ReadAsync(host, path) is { } found && (condition?.Invoke(found) ?? true))
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach the expected state within 30 s.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_value_is_written_read_listed_and_forgotten()
    {
        await using var host = await LocalHostProcess.StartAsync();

        using var put = await host.Http.SendAsync(host.Request(HttpMethod.Put, "/api/v1/memory/research/topic", role: "operator", json: """{"value":"durable agents"}"""));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        var entry = await WaitForAsync(host, "/api/v1/memory/research/topic");
        var list = await WaitForAsync(host, "/api/v1/memory/research");
        using var delete = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/memory/research/topic", role: "operator"));
        await WaitForAsync(host, "/api/v1/memory/research", l => l.GetProperty("keys").GetArrayLength() == 0);

        Assert.Equal("durable agents", entry.GetProperty("value").GetString());
        Assert.Equal("test-operator", entry.GetProperty("updatedBy").GetString());
        Assert.Equal("topic", list.GetProperty("keys")[0].GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
    }

    [Fact]
    public async Task With_encryption_at_rest_the_stored_value_is_sealed_and_the_api_returns_it_opened()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var host = await LocalHostProcess.StartAsync(("security__encryptionEnabled", "true"), ("security__encryptionKeys", "k1:" + key));

        using var put = await host.Http.SendAsync(host.Request(HttpMethod.Put, "/api/v1/memory/secrets/note", role: "operator", json: """{"value":"the launch code is 1234"}"""));
        var entry = await WaitForAsync(host, "/api/v1/memory/secrets/note");
        var stored = (await Entities.WaitForAsync<MemoryShelf>(host, "memory", "secrets", s => s?.Entries.ContainsKey("note") == true))!.Entries["note"];

        Assert.Equal("the launch code is 1234", entry.GetProperty("value").GetString());
        Assert.True(stored.Sealed);
        Assert.StartsWith("v1.k1.", stored.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", stored.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_uses_only_its_own_namespace_and_bad_names_are_refused()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TestAgents.EnsureAsync(host, "scribe");
        using var issued = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents/scribe/keys"));
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;

        async Task<HttpStatusCode> PutAsAgent(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = new StringContent("""{"value":"x"}""", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", key);
            using var response = await host.Http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Accepted, await PutAsAgent("/api/v1/memory/scribe/draft"));
        Assert.Equal(HttpStatusCode.Forbidden, await PutAsAgent("/api/v1/memory/someone-else/draft"));
        using var badName = await host.Http.SendAsync(host.Request(HttpMethod.Put, "/api/v1/memory/ok/bad%20key", role: "operator", json: """{"value":"x"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
    }

    [Fact]
    public async Task An_agents_role_grants_team_namespaces_over_the_api_as_to_its_tools()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskSubmissions.CreateAgentAsync(host, new
        {
            id = "team-member",
            name = "team-member",
            type = "worker",
            role = new { type = "operational", permissions = new[] { "memory:team-notes", "memory:style-guide:read" }, expertise = Array.Empty<string>(), priority = 5 },
            provider = new { type = "simulated", model = "sim" },
            maxConcurrency = 1,
        });
        using var issued = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents/team-member/keys"));
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        using var seeded = await host.Http.SendAsync(host.Request(HttpMethod.Put, "/api/v1/memory/style-guide/tone", role: "operator", json: """{"value":"plain"}"""));
        Assert.Equal(HttpStatusCode.Accepted, seeded.StatusCode);

        async Task<(HttpStatusCode Status, string Body)> AsAgent(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (method == HttpMethod.Put)
            {
                request.Content = new StringContent("""{"value":"x"}""", System.Text.Encoding.UTF8, "application/json");
            }

            request.Headers.Add("X-Api-Key", key);
            using var response = await host.Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Accepted, (await AsAgent(HttpMethod.Put, "/api/v1/memory/team-notes/idea")).Status);
        var readOnly = await AsAgent(HttpMethod.Put, "/api/v1/memory/style-guide/tone");
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.Status);
        Assert.Contains("those its role grants (team-notes, style-guide (read only))", readOnly.Body, StringComparison.Ordinal);
        // The operator's write is a signal: the read waits until the entity has applied it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var read = await AsAgent(HttpMethod.Get, "/api/v1/memory/style-guide/tone");
        while (read.Status == HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            read = await AsAgent(HttpMethod.Get, "/api/v1/memory/style-guide/tone");
        }

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsAgent(HttpMethod.Get, "/api/v1/memory/other-team/tone")).Status);
    }
}
