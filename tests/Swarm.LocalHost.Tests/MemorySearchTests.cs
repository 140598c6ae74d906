using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Domain.Memory;
using Swarm.Providers.Tests.Fakes;

namespace Swarm.LocalHost.Tests;

/// <summary><c>GET /api/v1/memory/{namespace}/search</c> on the real host: ranking, who may search what, and embeddings.</summary>
public sealed class MemorySearchTests
{
    static async Task PutAsync(LocalHostProcess host, string path, string value)
    {
        using var put = await host.Http.SendAsync(host.Request(HttpMethod.Put, path, role: "operator", json: JsonSerializer.Serialize(new { value })));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
    }

    /// <summary>Searches until the namespace holds <paramref name="entries"/> entries (writes are signals, applied shortly after).</summary>
    static async Task<MemoryShelf> WaitForEntriesAsync(LocalHostProcess host, string memoryNamespace, int entries) =>
        (await Entities.WaitForAsync<MemoryShelf>(host, "memory", memoryNamespace, s => s?.Entries.Count == entries))!;

    [Fact]
    public async Task Memory_search_route_respects_scope()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskSubmissions.CreateAgentAsync(host, new
        {
            id = "reader",
            name = "reader",
            type = "worker",
            role = new { type = "operational", permissions = new[] { "memory:team-notes:read" }, expertise = Array.Empty<string>(), priority = 5 },
            provider = new { type = "simulated", model = "sim" },
            maxConcurrency = 1,
        });
        using var issued = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents/reader/keys"));
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        await PutAsync(host, "/api/v1/memory/team-notes/billing", "The billing service deploys on Fridays after the invoice run");
        await PutAsync(host, "/api/v1/memory/team-notes/style", "Write plain sentences; the service docs use British spelling");
        await PutAsync(host, "/api/v1/memory/other-team/billing", "Their billing notes");
        await WaitForEntriesAsync(host, "team-notes", 2);
        await WaitForEntriesAsync(host, "other-team", 1);

        async Task<(HttpStatusCode Status, JsonElement Body)> AsAgent(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("X-Api-Key", key);
            using var response = await host.Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var granted = await AsAgent("/api/v1/memory/team-notes/search?q=when%20does%20billing%20deploy&k=5");
        var refused = await AsAgent("/api/v1/memory/other-team/search?q=billing");
        using var viewer = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/memory/other-team/search?q=billing", role: "viewer"));
        using var noQuery = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/memory/team-notes/search?k=5", role: "viewer"));
        using var badLimit = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/memory/team-notes/search?q=billing&k=500", role: "viewer"));
        using var reserved = await host.Http.SendAsync(host.Request(HttpMethod.Put, "/api/v1/memory/team-notes/search", role: "operator", json: """{"value":"x"}"""));

        Assert.Equal(HttpStatusCode.OK, granted.Status);
        var hits = granted.Body.GetProperty("hits");
        Assert.Equal("billing", hits[0].GetProperty("key").GetString());
        Assert.Equal("The billing service deploys on Fridays after the invoice run", hits[0].GetProperty("value").GetString());
        Assert.InRange(hits[0].GetProperty("score").GetDouble(), 0.01, 1);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.DoesNotContain("Their billing notes", refused.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noQuery.StatusCode);
        Assert.Contains("\"q\"", await noQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("\"k\"", await badLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
    }

    [Fact]
    public async Task With_embeddings_configured_plain_values_and_queries_are_embedded()
    {
        await using var vendor = await FakeVendorServer.StartAsync();
        await using var host = await LocalHostProcess.StartAsync(EmbeddingModel.Settings(new Uri(vendor.BaseUri, "v1/").ToString(), 128));
        await PutAsync(host, "/api/v1/memory/research/solar", "Solar capacity grew thirty percent last year");
        await PutAsync(host, "/api/v1/memory/research/bread", "A recipe for sourdough bread");
        var shelf = await WaitForEntriesAsync(host, "research", 2);

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/memory/research/search?q=solar%20capacity", role: "viewer"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var solar = shelf.Entries["solar"].Embedding!;
        Assert.Equal("openai:text-embedding-3-small", solar.Model);
        Assert.Equal(128, solar.Dimensions);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("solar", body.GetProperty("hits")[0].GetProperty("key").GetString());
        var embeddings = vendor.Requests.Where(r => r.Path == "/v1/embeddings").ToList();
        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, r => Assert.Contains("\"dimensions\":128", r.Body, StringComparison.Ordinal));
        Assert.Contains("solar capacity", embeddings[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sealed_value_is_never_embedded()
    {
        await using var vendor = await FakeVendorServer.StartAsync();
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var host = await LocalHostProcess.StartAsync(EmbeddingModel.Settings(new Uri(vendor.BaseUri, "v1/").ToString(), null, ("security__encryptionEnabled", "true"), ("security__encryptionKeys", "k1:" + key)));
        await PutAsync(host, "/api/v1/memory/secrets/launch", "the launch code is 1234");
        var shelf = await WaitForEntriesAsync(host, "secrets", 1);

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/memory/secrets/search?q=launch", role: "viewer"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(shelf.Entries["launch"].Sealed);
        Assert.Null(shelf.Entries["launch"].Embedding);
        Assert.Empty(vendor.Requests);
        // Matched by its key only; the value comes back opened, to a caller who may read it.
        Assert.Equal("the launch code is 1234", body.GetProperty("hits")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_agents_memory_put_and_search_tools_embed_through_the_activity()
    {
        await using var vendor = await FakeVendorServer.StartAsync();
        await using var host = await LocalHostProcess.StartAsync(EmbeddingModel.Settings(new Uri(vendor.BaseUri, "v1/").ToString(), 64));
        await TaskSubmissions.CreateAgentAsync(host, new
        {
            id = "archivist",
            name = "archivist",
            type = "specialist",
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { "archive" }, priority = 9 },
            provider = new { type = "openai", model = "m-tools" },
            maxConcurrency = 1,
            tools = new[] { "memory_put", "memory_search" },
            maxTurns = 4,
        });
        vendor.Enqueue(
            FakeReply.ToolCalls([new FakeToolCall("call-1", "memory_put", """{"key":"finding","value":"Durable loops survive crashes."}""")]),
            FakeReply.ToolCalls([new FakeToolCall("call-2", "memory_search", """{"query":"crashes durable"}""")]),
            FakeReply.Text("Filed."));

        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "File what we know about durable loops.", capabilities = new[] { "archive" }, strategy = "single" });
        var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(90));
        var shelf = await WaitForEntriesAsync(host, id, 1);

        Assert.Equal("completed", task.GetProperty("status").GetString());
        var stored = shelf.Entries["finding"].Embedding!;
        Assert.Equal("openai:text-embedding-3-small", stored.Model);
        Assert.Equal(64, stored.Dimensions);
        var embedded = vendor.Requests.Where(r => r.Path == "/v1/embeddings").Select(r => r.Body).ToList();
        Assert.Contains(embedded, b => b.Contains("Durable loops survive crashes.", StringComparison.Ordinal));
        Assert.Contains(embedded, b => b.Contains("crashes durable", StringComparison.Ordinal));
        // The search found the entry, and the model saw it (the search answer's vectors stay out of the history).
        var searchAnswer = vendor.Requests.Last(r => r.Path == "/v1/chat/completions").Body;
        Assert.Contains("finding: Durable loops survive crashes.", searchAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_is_stored_and_found_by_its_words_when_the_embedding_model_is_down()
    {
        var refusing = Swarm.Tests.FreePorts.Next();
        await using var host = await LocalHostProcess.StartAsync(EmbeddingModel.Settings($"http://127.0.0.1:{refusing}/v1/", null));

        await PutAsync(host, "/api/v1/memory/research/solar", "Solar capacity grew thirty percent last year");
        var shelf = await WaitForEntriesAsync(host, "research", 1);
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/memory/research/search?q=solar", role: "viewer"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Null(shelf.Entries["solar"].Embedding);
        Assert.Equal("solar", body.GetProperty("hits")[0].GetProperty("key").GetString());
        Assert.Contains("The embedding model could not be reached (", host.Output, StringComparison.Ordinal);
    }
}
