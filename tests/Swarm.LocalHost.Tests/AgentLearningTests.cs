using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>What the board has learnt of an agent, in its view, and an operator's reset of it, on the running host.</summary>
public sealed class AgentLearningTests
{
    static async Task<JsonElement> RunAsync(LocalHostProcess host, string prompt)
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt, capabilities = new[] { "care" } });
        return await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
    }

    static async Task<HttpResponseMessage> ResetAsync(LocalHostProcess host, string agentId, string? json, string role = "operator") =>
        await host.Http.SendAsync(host.Request(HttpMethod.Post, $"/api/v1/agents/{agentId}/learning/reset", role: role, json: json));

    [Fact]
    public async Task Reset_is_visible_traced_and_audited()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskSubmissions.CreateAgentAsync(host, "carer-1", "specialist", ["care"]);
        await BoardAgents.OnBoardAsync(host, "carer-1");
        var taskId = (await RunAsync(host, "care for the plants")).GetProperty("id").GetString()!;
        await RunAsync(host, "care for the garden");
        var learnt = await TaskPolling.WaitForAgentAsync(host, "carer-1", a => a.GetProperty("learning").GetProperty("trace").GetArrayLength() == 2);

        using var reset = await ResetAsync(host, "carer-1", """{"capability":"care"}""");
        var answer = await reset.Content.ReadFromJsonAsync<JsonElement>();
        var after = await TaskPolling.WaitForAgentAsync(host, "carer-1", a => a.GetProperty("learning").GetProperty("trace")[0].GetProperty("kind").GetString() == "reset");

        // Before: two successes, each traced to its seat; the view's 90 % interval holds the mean.
        var care = learnt.GetProperty("learning").GetProperty("skills").GetProperty("care");
        Assert.InRange(care.GetProperty("mean").GetDouble(), 0.74, 0.76); // Beta(1 + 1.99, 1): (1 + 1.99) / (2 + 1.99)
        Assert.True(care.GetProperty("low").GetDouble() < care.GetProperty("mean").GetDouble() && care.GetProperty("mean").GetDouble() < care.GetProperty("high").GetDouble());
        Assert.Contains(learnt.GetProperty("learning").GetProperty("trace").EnumerateArray(), l => l.GetProperty("signal").GetString() == $"release:{taskId}/answer.1" && l.GetProperty("kind").GetString() == "outcome");
        Assert.Equal(care.GetProperty("mean").GetDouble(), learnt.GetProperty("reputation").GetProperty("care").GetDouble(), 3);
        // After: the estimate is gone, the trace says why and when, and the view says when it was reset.
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        Assert.False(after.GetProperty("learning").GetProperty("skills").TryGetProperty("care", out _));
        var line = after.GetProperty("learning").GetProperty("trace")[0];
        Assert.Equal((answer.GetProperty("signal").GetString(), "care", 0.5), (line.GetProperty("signal").GetString(), line.GetProperty("key").GetString(), line.GetProperty("meanAfter").GetDouble()));
        Assert.Equal(answer.GetProperty("resetAt").GetDateTimeOffset(), after.GetProperty("learning").GetProperty("resetAt").GetDateTimeOffset());
        using var audit = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/audit?action=ResetAgentLearning&pageSize=50"));
        var record = Assert.Single((await audit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
        Assert.Equal(("reset care by test-operator", "succeeded"), (record.GetProperty("detail").GetString(), record.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_reset_names_a_real_agent_and_a_capability_or_none()
    {
        await using var host = await LocalHostProcess.StartAsync();
        // On the board, where what it learnt is kept: before it registers there, it has nothing a reset could clear.
        await BoardAgents.OnBoardAsync(host, "queen-1");

        using var all = await ResetAsync(host, "queen-1", json: null);
        using var blank = await ResetAsync(host, "queen-1", """{"capability":" "}""");
        using var misspelt = await ResetAsync(host, "queen-1", """{"capabilty":"care"}""");
        using var unknown = await ResetAsync(host, "nobody-1", """{"capability":"care"}""");
        using var viewer = await ResetAsync(host, "queen-1", json: null, role: "viewer");

        Assert.Equal(HttpStatusCode.Accepted, all.StatusCode);
        // No capability: every one (a null is left out of the answer, as everywhere in the API).
        Assert.False((await all.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("capability", out _));
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (blank.StatusCode, blank.Content.Headers.ContentType?.MediaType));
        Assert.Contains("capability", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        var queen = await TaskPolling.WaitForAgentAsync(host, "queen-1", a => a.GetProperty("learning").TryGetProperty("resetAt", out var at) && at.ValueKind == JsonValueKind.String);
        Assert.Empty(queen.GetProperty("learning").GetProperty("skills").EnumerateObject());
    }
}
