using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Workflows.Distribution;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// <c>POST /api/v1/tasks/{id}/feedback</c> on the running host: who may rate which task, what a rating reaches (the
/// task's view, the agents' memory, the audit trail), and what is refused.
/// </summary>
public sealed class TaskFeedbackTests(TaskFeedbackTests.Host host) : IClassFixture<TaskFeedbackTests.Host>
{
    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync();
            await TaskSubmissions.CreateAgentAsync(Process, "rated-1", "specialist", ["rated-work"]);
            await TaskSubmissions.CreateExternalAgentAsync(Process, "rated-ext", ["rated-manual"], seats: 4);
            await TaskSubmissions.CreateAgentAsync(Process, "styled-1", "specialist", ["styled-prose"]);
            await TaskPolling.WaitForAgentAsync(Process, "queen-1");
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    async Task<string> FinishedTaskAsync(string submitter, string prompt = "Summarise the quarterly figures", string capability = "rated-work", string strategy = "auto")
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/tasks", role: submitter,
            json: JsonSerializer.Serialize(new { prompt, capabilities = new[] { capability }, strategy })));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", task.GetProperty("status").GetString());
        return id;
    }

    Task<HttpResponseMessage> RateAsync(string taskId, string? role, string json, string? apiKey = null)
    {
        var request = Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{taskId}/feedback", role: role, json: json);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return Swarm.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_submitter_rates_a_task_its_view_shows_it_and_its_agents_remember_it()
    {
        var id = await FinishedTaskAsync("operator");

        using var rated = await RateAsync(id, "operator", """{"rating": 2, "comment": "The totals were off by a quarter."}""");

        Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        var body = await rated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("rating").GetInt32());
        Assert.Equal(["rated-1"], body.GetProperty("agents").EnumerateArray().Select(a => a.GetString()));
        var view = await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.TryGetProperty("feedback", out var f) && f.ValueKind == JsonValueKind.Array && f.GetArrayLength() == 1);
        Assert.False(view.TryGetProperty("isFinishedWork", out _), "a helper of the view leaked into its JSON");
        var feedback = view.GetProperty("feedback")[0];
        Assert.Equal("test-operator", feedback.GetProperty("by").GetString());
        Assert.Equal(2, feedback.GetProperty("value").GetInt32());
        Assert.Equal("The totals were off by a quarter.", feedback.GetProperty("comment").GetString());
        var note = await ReadMemoryAsync($"/api/v1/memory/rated-1/feedback.{id}");
        Assert.Contains("2/5", note, StringComparison.Ordinal);
        Assert.Contains("The totals were off by a quarter.", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_teaches_the_board_about_each_agent_that_worked_on_the_task_once()
    {
        var id = await FinishedTaskAsync("operator");
        var before = (await Entities.ReadAsync<DispatchBoard>(Swarm, DispatcherEntity.EntityName, DispatcherEntity.Id.Key))!.Agents["rated-1"].SkillOf("rated-work");

        using var rated = await RateAsync(id, "operator", """{"rating": 1, "comment": "Wrong quarter."}""");
        Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        var signalId = $"feedback:{id}:test-operator:rated-1";
        var board = await Entities.WaitForAsync<DispatchBoard>(Swarm, DispatcherEntity.EntityName, DispatcherEntity.Id.Key,
            b => b?.Agents["rated-1"].SkillTrace?.Any(u => u.SignalId == signalId) == true);

        var agent = board!.Agents["rated-1"];
        var update = Assert.Single(agent.SkillTrace!, u => u.SignalId == signalId);
        Assert.Equal(SkillKind.Feedback, update.Kind);
        Assert.Equal("rated-work", update.Key);
        Assert.True(agent.SkillOf("rated-work").Mean < before.Mean, $"a rating of 1 did not lower the estimate ({before.Mean} -> {agent.SkillOf("rated-work").Mean})");
    }

    [Fact]
    public async Task Auto_follows_the_strategy_people_rated_well_on_similar_tasks()
    {
        // Five similar tasks run hierarchically and rated 5, five run on one agent and rated 1: a one-capability task,
        // whose shape alone says "single", runs hierarchically instead, and its timeline says why.
        for (var i = 1; i <= 5; i++)
        {
            var good = await FinishedTaskAsync("operator", $"Write the product launch announcement for the spring catalogue, draft {i}", "styled-prose", "hierarchical");
            var poor = await FinishedTaskAsync("operator", $"Write the product launch announcement for the autumn catalogue, draft {i}", "styled-prose", "single");
            using var liked = await RateAsync(good, "operator", """{"rating": 5}""");
            using var disliked = await RateAsync(poor, "operator", """{"rating": 1}""");
            Assert.Equal(HttpStatusCode.Accepted, liked.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, disliked.StatusCode);
        }

        var choice = await WaitForAutoChoiceAsync("Write the product launch announcement for the winter catalogue", "styled-prose", "hierarchical");

        Assert.Contains("similar tasks", choice, StringComparison.Ordinal);
        Assert.Contains("the shape's default single", choice, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ratings reach the atlas by signal, so the first task after them may not see them yet: submits auto tasks until
    /// one runs with <paramref name="expected"/> (at most five), and returns its timeline's strategy line.
    /// </summary>
    async Task<string> WaitForAutoChoiceAsync(string prompt, string capability, string expected)
    {
        var lines = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = await FinishedTaskAsync("operator", prompt, capability);
            var task = await TaskPolling.GetAsync(Swarm, id);
            var line = task.GetProperty("timeline").EnumerateArray()
                .Select(e => e.GetProperty("detail").GetString()!)
                .First(d => d.StartsWith(expected + " (auto", StringComparison.Ordinal) || d.Contains("(auto", StringComparison.Ordinal));
            if (task.GetProperty("strategy").GetString() == expected)
            {
                return line;
            }

            lines.Add(line);
            await Task.Delay(1_000);
        }

        Assert.Fail($"auto never chose {expected}: {string.Join(" | ", lines)}");
        return "";
    }

    [Fact]
    public async Task Rating_is_audited_with_the_rater_and_the_agents_but_not_the_comment()
    {
        var id = await FinishedTaskAsync("operator");

        using var rated = await RateAsync(id, "operator", """{"rating": 5, "comment": "secret-ish words"}""");

        Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        var detail = await AuditDetailAsync(rated.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("rating 5 by test-operator for rated-1 (comment, 16 characters)", detail);
    }

    [Fact]
    public async Task Another_person_needs_feedback_any_to_rate_a_task()
    {
        var byAdmin = await FinishedTaskAsync("admin");
        var byOperator = await FinishedTaskAsync("operator");

        using var operatorOnAdmins = await RateAsync(byAdmin, "operator", """{"rating": 4}""");
        using var viewer = await RateAsync(byOperator, "viewer", """{"rating": 4}""");
        using var adminOnOperators = await RateAsync(byOperator, "admin", """{"rating": 4}""");

        Assert.Equal(HttpStatusCode.Forbidden, operatorOnAdmins.StatusCode);
        Assert.Contains("tasks:feedback:any", await operatorOnAdmins.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, adminOnOperators.StatusCode);
    }

    [Fact]
    public async Task An_agent_cannot_rate_even_a_task_it_worked_on()
    {
        var id = await FinishedTaskAsync("operator");
        var key = await TestAgents.IssueKeyAsync(Swarm, "rated-1");

        using var byAgent = await RateAsync(id, role: null, """{"rating": 5}""", apiKey: key.GetProperty("apiKey").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
    }

    [Fact]
    public async Task A_second_rating_by_the_same_person_is_409_and_the_first_is_kept()
    {
        var id = await FinishedTaskAsync("operator");

        using var first = await RateAsync(id, "operator", """{"rating": 1}""");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.TryGetProperty("feedback", out var f) && f.ValueKind == JsonValueKind.Array && f.GetArrayLength() == 1);
        using var second = await RateAsync(id, "operator", """{"rating": 5}""");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var view = await TaskPolling.GetAsync(Swarm, id);
        Assert.Equal(1, Assert.Single(view.GetProperty("feedback").EnumerateArray()).GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Two_ratings_by_one_person_sent_together_get_one_202_and_one_409_and_only_the_kept_one_teaches()
    {
        var id = await FinishedTaskAsync("operator");

        // Sent at once, both pass the API's early check: the task's ratings decide, and each request reads back which it kept.
        var low = RateAsync(id, "operator", """{"rating": 1, "comment": "Racing low."}""");
        var high = RateAsync(id, "operator", """{"rating": 5, "comment": "Racing high."}""");
        using var lowAnswer = await low;
        using var highAnswer = await high;

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], new[] { lowAnswer.StatusCode, highAnswer.StatusCode }.Order());
        var (kept, refused) = lowAnswer.StatusCode == HttpStatusCode.Accepted ? ((1, "Racing low."), "Racing high.") : ((5, "Racing high."), "Racing low.");
        var conflict = await (lowAnswer.StatusCode == HttpStatusCode.Conflict ? lowAnswer : highAnswer).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var view = await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.TryGetProperty("feedback", out var f) && f.ValueKind == JsonValueKind.Array && f.GetArrayLength() == 1);
        Assert.Equal(kept.Item1, Assert.Single(view.GetProperty("feedback").EnumerateArray()).GetProperty("value").GetInt32());
        var note = await ReadMemoryAsync($"/api/v1/memory/rated-1/feedback.{id}");
        Assert.Contains(kept.Item2, note, StringComparison.Ordinal);
        Assert.DoesNotContain(refused, note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_that_has_not_finished_cannot_be_rated()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Check the invoice by hand", capabilities = new[] { "rated-manual" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.GetProperty("status").GetString() == "running");

        using var early = await RateAsync(id, "admin", """{"rating": 3}""");

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("only a completed or failed task", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"rating": 0}""", "rating")]
    [InlineData("""{"rating": 6}""", "rating")]
    [InlineData("""{"comment": "no rating"}""", "rating")]
    [InlineData("""{"rating": 3, "comment": "bell\u0007"}""", "comment")]
    public async Task A_bad_rating_is_a_validation_problem_naming_the_field(string json, string field)
    {
        using var response = await RateAsync("task-0123456789abcdef0123456789abcdef", "admin", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task A_comment_over_2000_characters_is_refused()
    {
        using var response = await RateAsync("task-0123456789abcdef0123456789abcdef", "admin", JsonSerializer.Serialize(new { rating = 3, comment = new string('x', 2_001) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task System_metrics_show_learning_patterns_feedback_and_memory()
    {
        var id = await FinishedTaskAsync("operator");
        using (var rated = await RateAsync(id, "operator", """{"rating": 4}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        }

        await ReadMemoryAsync($"/api/v1/memory/rated-1/feedback.{id}");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement metrics;
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/system/metrics", role: "viewer"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            metrics = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (metrics.GetProperty("feedback").GetProperty("ratings").GetInt32() >= 1)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the rating did not reach the metrics within 30 s: {metrics.GetProperty("feedback")}");
            await Task.Delay(200);
        }

        var learning = metrics.GetProperty("learning");
        Assert.Equal("hybrid", learning.GetProperty("policy").GetProperty("algorithm").GetString());
        Assert.True(learning.GetProperty("updates").GetProperty("outcome").GetInt64() >= 1, learning.ToString());
        Assert.True(learning.GetProperty("keys").GetProperty("rated-work").GetProperty("agents").GetInt32() >= 1, learning.ToString());
        Assert.True(metrics.GetProperty("feedback").GetProperty("byValue").GetProperty("4").GetInt32() >= 1);
        Assert.True(metrics.GetProperty("memory").GetProperty("namespaces").GetInt32() >= 1);
        var patterns = metrics.GetProperty("patterns");
        Assert.True(patterns.GetProperty("shards").GetInt32() >= 1, patterns.ToString());
        Assert.True(patterns.GetProperty("fingerprints").GetInt32() >= 1, patterns.ToString());
        Assert.True(metrics.GetProperty("memory").GetProperty("entries").GetInt32() >= 1);
    }

    async Task<string> ReadMemoryAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, path));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} was not written within 30 s (last answer {(int)response.StatusCode}).");
            await Task.Delay(200);
        }
    }

    async Task<string?> AuditDetailAsync(string correlationId)
    {
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("o"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("o"));
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, $"/api/v1/audit?from={from}&to={to}&action=TaskFeedback&pageSize=200"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("correlationId").GetString() == correlationId)
            .GetProperty("detail").GetString();
    }
}
