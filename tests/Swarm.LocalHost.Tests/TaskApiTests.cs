using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Swarm.Providers.Simulated;

namespace Swarm.LocalHost.Tests;

/// <summary>The HTTP surface of the running local host over Azurite, end to end.</summary>
public sealed class TaskApiTests(TaskApiTests.Host host) : IClassFixture<TaskApiTests.Host>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() => Process = await LocalHostProcess.StartAsync();

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    [Fact]
    public async Task Health_and_ready_answer_without_a_token()
    {
        using var health = await Swarm.Http.GetAsync(new Uri("/health", UriKind.Relative));
        using var ready = await Swarm.Http.GetAsync(new Uri("/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("ok", checks.GetProperty("storage").GetString());
        Assert.Equal("ok", checks.GetProperty("durableRuntime").GetString());
        Assert.Equal("ok", checks.GetProperty("durableWorker").GetString());
    }

    [Fact]
    public async Task A_submitted_task_is_accepted_with_its_location_and_completes_with_the_simulated_answer()
    {
        const string prompt = "Draft three headlines about durable workflows";
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/tasks", json: JsonSerializer.Serialize(new { prompt, priority = 7, metadata = new { team = "docs" } })));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal("/api/v1/tasks/" + id, response.Headers.Location?.OriginalString);
        Assert.Equal("queued", accepted.GetProperty("status").GetString());

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, Patience);

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(7, task.GetProperty("priority").GetInt32());
        Assert.Equal("docs", task.GetProperty("metadata").GetProperty("team").GetString());
        Assert.Equal("queen-1", task.GetProperty("agentId").GetString());
        var result = task.GetProperty("result");
        Assert.Equal(SimulatedChatClient.Answer(prompt), result.GetProperty("text").GetString());
        Assert.True(result.GetProperty("simulated").GetBoolean());
        Assert.Equal("simulated", result.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Protected_routes_refuse_a_missing_token_and_a_role_without_the_permission()
    {
        using var anonymous = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/tasks", role: null, json: """{"prompt":"x"}"""));
        using var viewer = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/tasks", role: "viewer", json: """{"prompt":"x"}"""));
        using var read = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/tasks/task-0123456789abcdef0123456789abcdef", role: null));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    public static TheoryData<string, string, int, string?> BadRequests => new()
    {
        { """{"prompt":""", "application/json", 400, null },
        { """{"prompt":"x","colour":"red"}""", "application/json", 400, "colour" },
        { """{"prompt":"x","priority":"high"}""", "application/json", 400, "priority" },
        { """{"prompt":"   "}""", "application/json", 400, "prompt" },
        { """{"prompt":"x","priority":42}""", "application/json", 400, "priority" },
        { """{"prompt":"x","strategy":"plural"}""", "application/json", 400, "strategy" },
        { """{"prompt":"x"}""", "text/plain", 415, null },
        { "{\"prompt\":\"" + new string('x', 300_000) + "\"}", "application/json", 413, null },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_starts_no_task(string body, string contentType, int status, string? field)
    {
        await using var durable = Swarm.DurableClient();
        var before = await CountInstancesAsync(durable);
        using var request = Swarm.Request(HttpMethod.Post, "/api/v1/tasks");
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType);

        using var response = await Swarm.Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        }

        Assert.Equal(before, await CountInstancesAsync(durable));
    }

    [Theory]
    [InlineData("/api/v1/tasks/task-0123456789abcdef0123456789abcdef", 404)]
    [InlineData("/api/v1/tasks/@agent@queen-1", 404)]
    [InlineData("/api/v1/nothing-here", 404)]
    public async Task Unknown_tasks_and_routes_are_problems_not_errors(string path, int status)
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_method_the_route_does_not_accept_is_a_405_problem()
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, "/api/v1/tasks"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    static async Task<int> CountInstancesAsync(DurableTaskClient durable)
    {
        var count = 0;
        await foreach (var _ in durable.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 100, InstanceIdPrefix = global::Swarm.Domain.Tasks.TaskId.Prefix }))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task An_unknown_strategy_is_refused_with_every_strategy_there_is()
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/tasks", json: """{"prompt":"x","strategy":"plural"}"""));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'strategy' must be one of: auto, single, parallel, pipeline, hierarchical, consensus.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_task_shows_where_it_is_as_its_phase_and_its_waits_in_words()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Publish the minutes", requiresApproval = true });

        var task = await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.GetProperty("status").GetString() == "awaitingApproval");
        using var listing = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/tasks?status=awaitingApproval&pageSize=200", role: "operator"));
        var listed = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);

        Assert.Equal("awaiting-approval", task.GetProperty("phase").GetString());
        Assert.False(task.TryGetProperty("step", out _), "'step' names a step, not the task's phase.");
        Assert.Equal("awaiting-approval", listed.GetProperty("phase").GetString());
        Assert.False(listed.TryGetProperty("step", out _), "'step' names a step, not the task's phase.");
        var waiting = task.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "awaiting-approval");
        Assert.Equal("up to 1 day", waiting.GetProperty("detail").GetString());

        using var cancel = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/cancel"));
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
    }
}
