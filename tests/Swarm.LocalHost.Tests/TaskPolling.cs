using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Submits tasks and polls them through the public API, as a client would.</summary>
static class TaskPolling
{
    public static async Task<string> SubmitAsync(LocalHostProcess host, string prompt)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/tasks", json: JsonSerializer.Serialize(new { prompt })));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(LocalHostProcess host, string taskId)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/tasks/" + taskId, role: "operator"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until the task is completed, failed or canceled, or the patience runs out.</summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(LocalHostProcess host, string taskId, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var task = await GetAsync(host, taskId);
            if (task.GetProperty("status").GetString() is "completed" or "failed" or "canceled")
            {
                return task;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Task {taskId} still {task.GetProperty("status")} after {patience}: {task}{Environment.NewLine}{host.Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Polls until at least one of the tasks is running while not all have completed: work is in flight.</summary>
    public static async Task WaitUntilAnyIsRunningAsync(LocalHostProcess host, IReadOnlyList<string> ids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var statuses = await Task.WhenAll(ids.Select(async id => (await GetAsync(host, id)).GetProperty("status").GetString()));
            if (statuses.Contains("running") && !statuses.All(s => s == "completed"))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No task started running within 60 s." + Environment.NewLine + host.Output);
    }

    /// <summary>Polls <c>GET /api/v1/agents/{id}</c> until the agent exists (and meets <paramref name="condition"/>).</summary>
    public static async Task<JsonElement> WaitForAgentAsync(LocalHostProcess host, string agentId, Func<JsonElement, bool>? condition = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/agents/" + agentId, role: "viewer"));
            if (response.StatusCode == System.Net.HttpStatusCode.OK && await response.Content.ReadFromJsonAsync<JsonElement>() is var agent && (condition?.Invoke(agent) ?? true))
            {
                return agent;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Agent {agentId} did not reach the expected state within 30 s.");
            await Task.Delay(200);
        }
    }
}
