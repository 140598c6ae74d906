using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>A caller of the wrong kind gets the status that says so, and a detail that tells it what to do instead.</summary>
public sealed class WrongCallerTests(TaskApiTests.Host host) : IClassFixture<TaskApiTests.Host>
{
    LocalHostProcess Swarm => host.Process;

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_person_posting_a_task_result_is_forbidden_not_in_conflict()
    {
        var taskId = await TaskPolling.SubmitAsync(Swarm, "answered by an agent, not a person");

        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{taskId}/result", json: """{"text":"my answer"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("urn:swarm:problem:forbidden", problem.GetProperty("type").GetString());
        Assert.Contains("agent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_is_refused_another_memory_namespace_alike_whether_it_exists_or_not()
    {
        using var written = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Put, "/api/v1/memory/team-notes/plan", role: "operator", json: """{"value":"ship it"}"""));
        Assert.Equal(HttpStatusCode.Accepted, written.StatusCode);
        await WaitUntilReadableAsync("/api/v1/memory/team-notes/plan");
        var key = (await TestAgents.IssueKeyAsync(Swarm, "note-taker")).GetProperty("apiKey").GetString()!;

        var answers = new List<(HttpStatusCode Status, string Type, string Detail)>();
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "/api/v1/memory/team-notes/plan"), (HttpMethod.Get, "/api/v1/memory/no-such-notes/plan"),
            (HttpMethod.Put, "/api/v1/memory/team-notes/plan"), (HttpMethod.Put, "/api/v1/memory/no-such-notes/plan"),
            (HttpMethod.Get, "/api/v1/memory/team-notes"), (HttpMethod.Get, "/api/v1/memory/no-such-notes"),
        })
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            request.Headers.Add("X-Api-Key", key);
            if (method == HttpMethod.Put)
            {
                request.Content = new StringContent("""{"value":"overwritten"}""", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await Swarm.Http.SendAsync(request);
            var problem = await ProblemAsync(response);
            answers.Add((response.StatusCode, problem.GetProperty("type").GetString()!, problem.GetProperty("detail").GetString()!));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.Status));
        Assert.Single(answers.Select(a => (a.Type, a.Detail)).Distinct());
        Assert.Contains("note-taker", answers[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_sent_as_a_bearer_token_is_told_to_use_the_api_key_scheme()
    {
        var key = (await TestAgents.IssueKeyAsync(Swarm, "confused-client")).GetProperty("apiKey").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/tasks", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);

        using var response = await Swarm.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Authorization: ApiKey", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_get_at_slash_ws_is_told_how_to_connect()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ws", UriKind.Relative));

        using var response = await Swarm.Http.SendAsync(request);

        // The local host takes the spec's WebSocket at /ws (RealtimeFramesTests); a request that is no WebSocket is told how.
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        var detail = (await ProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("X-Session-ID", detail, StringComparison.Ordinal);
        Assert.Contains("GET /api/v1/realtime/negotiate", detail, StringComparison.Ordinal);
    }

    async Task WaitUntilReadableAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, path));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} was not readable within 30 s.");
            await Task.Delay(200);
        }
    }
}
