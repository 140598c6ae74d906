using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The storage emulator killed under a running host: every kind of route answers 503 with Retry-After, as a problem
/// document, within a few seconds, never 500 and never after the Azure SDK's long default retries.
/// </summary>
public sealed class StorageOutageTests(StorageOutageTests.Outage outage) : IClassFixture<StorageOutageTests.Outage>
{
    /// <summary>What the README promises for a storage that refuses connections (see "Failures of storage").</summary>
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    LocalHostProcess Swarm => outage.Swarm;

    /// <summary>A host on an Azurite of its own, with an agent key and a stored value made before the Azurite is killed.</summary>
    public sealed class Outage : IAsyncLifetime
    {
        AzuriteServer storage = null!;

        public LocalHostProcess Swarm { get; private set; } = null!;

        public string AgentKey { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            storage = await AzuriteServer.StartPrivateAsync();
            Swarm = await LocalHostProcess.StartOnAsync(storage);
            AgentKey = (await TestAgents.IssueKeyAsync(Swarm, "outage-1")).GetProperty("apiKey").GetString()!;
            using var stored = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Put, "/api/v1/memory/notes/first", json: """{"value": "before"}"""));
            Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
            storage.Kill();
        }

        public async Task DisposeAsync() => await Swarm.DisposeAsync();
    }

    public static TheoryData<string, string, string?> Routes() => new()
    {
        { "GET", "/api/v1/agents", null },
        { "GET", "/api/v1/agents/outage-1", null },
        { "GET", "/api/v1/memory/notes/first", null },
        { "PUT", "/api/v1/memory/notes/second", """{"value": "during"}""" },
        { "GET", "/api/v1/system/state", null },
        { "GET", "/api/v1/audit", null },
        { "GET", "/api/v1/tasks", null },
        { "POST", "/api/v1/tasks", """{"prompt": "Accepted only if it can be kept"}""" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_route_answers_503_with_Retry_After_within_seconds_when_storage_is_down(string method, string path, string? body)
    {
        using var request = Swarm.Request(new HttpMethod(method), path, json: body);

        await AssertUnavailableFastAsync(request);
    }

    [Fact]
    public async Task An_agent_API_key_is_answered_503_with_Retry_After_within_seconds_when_storage_is_down()
    {
        using var request = Swarm.Request(HttpMethod.Get, "/api/v1/tasks", role: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", outage.AgentKey);

        await AssertUnavailableFastAsync(request);
    }

    [Fact]
    public async Task Exchanging_an_API_key_for_a_token_is_answered_503_with_Retry_After_within_seconds_when_storage_is_down()
    {
        using var request = Swarm.Request(HttpMethod.Post, "/api/v1/auth/token", role: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", outage.AgentKey);

        await AssertUnavailableFastAsync(request);
    }

    async Task AssertUnavailableFastAsync(HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        using var response = await Swarm.Http.SendAsync(request);
        var elapsed = clock.Elapsed;

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} after {elapsed.TotalSeconds:0.0} s: {text}");
        Assert.True(elapsed < Bound, $"{request.Method} {request.RequestUri} took {elapsed.TotalSeconds:0.0} s to answer 503 (bound {Bound.TotalSeconds} s).");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"{request.Method} {request.RequestUri}: 503 without Retry-After: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var type = JsonDocument.Parse(text).RootElement.GetProperty("type").GetString();
        Assert.Contains(type, new[] { "urn:swarm:problem:dependency-unavailable", "urn:swarm:problem:audit-unavailable" });
    }
}
