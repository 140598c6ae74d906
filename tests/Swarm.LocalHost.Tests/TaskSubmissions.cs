using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Agents and tasks in the shapes the distribution tests need, through the public API.</summary>
static class TaskSubmissions
{
    /// <summary>Creates an agent from a JSON-able body (id, type, role, provider, maxConcurrency), unless it exists.</summary>
    public static async Task CreateAgentAsync(LocalHostProcess host, object body)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents", json: JsonSerializer.Serialize(body)));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"creating an agent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A simulated agent with the given type, expertise and seats.</summary>
    public static Task CreateAgentAsync(LocalHostProcess host, string id, string type, string[] expertise, int seats = 4, int priority = 5, string model = "sim") =>
        CreateAgentAsync(host, new
        {
            id,
            name = id,
            type,
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise, priority },
            provider = new { type = "simulated", model },
            maxConcurrency = seats,
        });

    /// <summary>An agent with no model here (provider type <c>external</c>): it answers its steps and ballots over the API.</summary>
    public static Task CreateExternalAgentAsync(LocalHostProcess host, string id, string[] expertise, int seats) =>
        CreateAgentAsync(host, new
        {
            id,
            name = id,
            type = "specialist",
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise, priority = 5 },
            provider = new { type = "external", model = "human" },
            maxConcurrency = seats,
        });

    /// <summary>Submits a task body; returns the response's status, body and the task id if accepted.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SubmitAsync(LocalHostProcess host, object body, string? idempotencyKey = null)
    {
        var request = host.Request(HttpMethod.Post, "/api/v1/tasks", json: JsonSerializer.Serialize(body));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task<string> SubmitAcceptedAsync(LocalHostProcess host, object body)
    {
        var (status, accepted) = await SubmitAsync(host, body);
        Assert.True(status == HttpStatusCode.Accepted, $"the task was not accepted: {(int)status} {accepted}");
        return accepted.GetProperty("id").GetString()!;
    }

    /// <summary>Polls the task until <paramref name="condition"/> holds.</summary>
    public static async Task<JsonElement> WaitForTaskAsync(LocalHostProcess host, string taskId, Func<JsonElement, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var task = await TaskPolling.GetAsync(host, taskId);
            if (condition(task))
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Task {taskId} did not reach the expected state within {seconds} s: {task}");
            await Task.Delay(200);
        }
    }

    public static IEnumerable<string> Stages(JsonElement task) => task.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stage").GetString()!);

    public static IEnumerable<string> StepAgents(JsonElement task) => task.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("agentId").GetString()!);
}
