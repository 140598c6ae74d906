using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// <c>GET /api/v1/tasks/{id}/similar</c> and <c>GET /api/v1/patterns/tasks</c> on the running local host: the nearest
/// finished tasks, without prompts; an agent sees only tasks it worked on.
/// </summary>
public sealed class SimilarRouteTests
{
    static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(LocalHostProcess host, string path, string role = "operator", string? apiKey = null)
    {
        using var request = host.Request(HttpMethod.Get, path, apiKey is null ? role : null);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    static async Task<string> RunAsync(LocalHostProcess host, string prompt, string capability)
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt, capabilities = new[] { capability } });
        await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
        return id;
    }

    [Fact]
    public async Task Similar_lists_the_nearest_finished_tasks_without_prompts()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskSubmissions.CreateAgentAsync(host, "analyst-1", "specialist", ["sql"]);
        var query = await RunAsync(host, "Write a SQL query that lists customers with the most orders", "sql");
        var near = await RunAsync(host, "Write a SQL query that lists customers with unpaid orders", "sql");
        var far = await RunAsync(host, "Explain photosynthesis in the chloroplast", "sql");
        await PatternTests.FingerprintsAsync(host, "sql", 3);

        var (status, similar) = await GetAsync(host, $"/api/v1/tasks/{query}/similar?k=5");
        var (searched, found) = await GetAsync(host, "/api/v1/patterns/tasks?q=chloroplast%20photosynthesis&capabilities=SQL&k=1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sql", similar.GetProperty("capabilityKey").GetString());
        var item = Assert.Single(similar.GetProperty("items").EnumerateArray());
        Assert.Equal(near, item.GetProperty("taskId").GetString());
        Assert.InRange(item.GetProperty("similarity").GetDouble(), 0.25, 0.99);
        Assert.Equal(("single", "completed"), (item.GetProperty("strategy").GetString(), item.GetProperty("outcome").GetString()));
        Assert.False(item.TryGetProperty("rating", out _), "an unrated task has no rating");
        Assert.DoesNotContain("customers", similar.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(far, similar.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, searched);
        Assert.Equal([far], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taskId").GetString()));
    }

    [Fact]
    public async Task An_agent_sees_only_similar_tasks_it_worked_on()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskSubmissions.CreateAgentAsync(host, "analyst-1", "specialist", ["sql"]);
        var first = await RunAsync(host, "Write a SQL query that lists customers with the most orders", "sql");
        using (var retire = await host.Http.SendAsync(host.Request(HttpMethod.Delete, "/api/v1/agents/analyst-1")))
        {
            // Draining takes no new task at once: the later tasks can only go to analyst-2.
            Assert.Equal(HttpStatusCode.Accepted, retire.StatusCode);
        }

        await TaskSubmissions.CreateAgentAsync(host, "analyst-2", "specialist", ["sql"]);
        var second = await RunAsync(host, "Write a SQL query that lists customers with unpaid orders", "sql");
        var third = await RunAsync(host, "Write a SQL query that lists customers with late orders", "sql");
        await PatternTests.FingerprintsAsync(host, "sql", 3);
        var key = (await TestAgents.IssueKeyAsync(host, "analyst-2")).GetProperty("apiKey").GetString()!;

        var (asOperator, all) = await GetAsync(host, $"/api/v1/tasks/{second}/similar");
        var (asAgent, own) = await GetAsync(host, $"/api/v1/tasks/{second}/similar", apiKey: key);
        var (searchAsAgent, searched) = await GetAsync(host, "/api/v1/patterns/tasks?q=SQL%20query%20that%20lists%20customers%20with%20orders&capabilities=sql", apiKey: key);
        var (notItsTask, _) = await GetAsync(host, $"/api/v1/tasks/{first}/similar", apiKey: key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (asOperator, asAgent, searchAsAgent));
        Assert.True(all.GetProperty("items").GetArrayLength() == 2, all.ToString());
        Assert.Equal(new[] { first, third }.Order(), all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taskId").GetString()).Order());
        Assert.Equal([third], own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taskId").GetString()));
        Assert.Equal(new[] { second, third }.Order(), searched.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taskId").GetString()).Order());
        // The first task is analyst-1's alone: to analyst-2 it does not exist.
        Assert.Equal(HttpStatusCode.NotFound, notItsTask);
    }

    [Fact]
    public async Task Bad_queries_are_problems_and_a_task_without_a_fingerprint_is_404()
    {
        await using var host = await LocalHostProcess.StartAsync();
        var running = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Needs approval first", requiresApproval = true });

        var (noFingerprint, problem) = await GetAsync(host, $"/api/v1/tasks/{running}/similar");
        var (badK, badKProblem) = await GetAsync(host, $"/api/v1/tasks/{running}/similar?k=0");
        var (noQuery, _) = await GetAsync(host, "/api/v1/patterns/tasks");
        var (stopWordsOnly, stopProblem) = await GetAsync(host, "/api/v1/patterns/tasks?q=which%20is%20the");
        var (unknown, _) = await GetAsync(host, "/api/v1/tasks/task-00000000000000000000000000000000/similar");

        Assert.Equal(HttpStatusCode.NotFound, noFingerprint);
        Assert.Contains("no fingerprint yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (badK, noQuery, stopWordsOnly, unknown));
        Assert.Contains("\"k\"", badKProblem.ToString(), StringComparison.Ordinal);
        Assert.Contains("no words to search by", stopProblem.ToString(), StringComparison.Ordinal);
    }
}
