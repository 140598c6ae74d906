using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DurableTask.Core.History;
using Swarm.Domain.Tasks;
using Swarm.Providers.Simulated;
using Swarm.Workflows.Tasks;
using Swarm.Workflows.Tasks.Strategies;
using Swarm.Workflows.Models;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Task distribution on the running local host over Azurite: agents chosen by capability, load and priority, the
/// strategies, waiting in line by priority, retries on another agent, approval, cancellation, external agents,
/// idempotent submission and the queue listing.
/// </summary>
public sealed class TaskDistributionTests(TaskDistributionTests.Host host) : IClassFixture<TaskDistributionTests.Host>
{
    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync(
                ("providers__simulated__profiles__broken__failureRate", "1"),
                ("providers__simulated__profiles__slow__latencyMs", "3000"),
                ("providers__simulated__profiles__glacial__latencyMs", "60000"));
            await TaskPolling.WaitForAgentAsync(Process, "queen-1");
            await TaskSubmissions.CreateAgentAsync(Process, "analyst-1", "specialist", ["analysis"]);
            await TaskSubmissions.CreateAgentAsync(Process, "writer-1", "specialist", ["writing"]);
            await TaskSubmissions.CreateAgentAsync(Process, "editor-1", "specialist", ["editing"]);
            await TaskSubmissions.CreateAgentAsync(Process, "checker-1", "specialist", ["fact-checking"]);
            await TaskSubmissions.CreateAgentAsync(Process, "worker-1", "worker", []);
            await TaskSubmissions.CreateAgentAsync(Process, "worker-2", "worker", []);
            await TaskSubmissions.CreateAgentAsync(Process, "fragile-1", "specialist", ["fragile"], priority: 10, model: "broken");
            await TaskSubmissions.CreateAgentAsync(Process, "fragile-2", "specialist", ["fragile"], priority: 1);
            await TaskSubmissions.CreateAgentAsync(Process, "solo-1", "specialist", ["solo"], seats: 1, model: "slow");
            // The slowest agents rank last for steps with no capability (lowest priority, then ids), so only their own tests reach them.
            await TaskSubmissions.CreateAgentAsync(Process, "glacial-1", "specialist", ["glacial"], seats: 1, priority: 1, model: "glacial");
            await TaskSubmissions.CreateAgentAsync(Process, "glacial-2", "specialist", ["glacial"], seats: 1, priority: 1, model: "glacial");
            await TaskSubmissions.CreateExternalAgentAsync(Process, "ext-1", ["manual"], seats: 2);
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    [Fact]
    public async Task A_task_needing_a_capability_goes_to_the_agent_that_has_it()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Find the trend in these sales figures", capabilities = new[] { "analysis" } });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal("analyst-1", task.GetProperty("agentId").GetString());
        Assert.Equal("single", task.GetProperty("strategy").GetString());
        Assert.Contains(task.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "strategy"
            && e.GetProperty("detail").GetString()!.Contains("auto: one prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_capability_no_agent_has_fails_at_once_naming_it()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Review this contract", capabilities = new[] { "legal" } });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", task.GetProperty("status").GetString());
        Assert.Equal("AgentSlotUnavailableException", task.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("[legal]", task.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parallel_task_runs_on_distinct_agents_and_a_queen_merges_the_answers()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Name a good first program", strategy = "parallel", agents = 2, merge = true });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(["answer-1", "answer-2", "merge"], TaskSubmissions.Stages(task).Order());
        var agents = TaskSubmissions.StepAgents(task).ToList();
        var answerers = task.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("stage").GetString()!.StartsWith("answer", StringComparison.Ordinal)).Select(s => s.GetProperty("agentId").GetString()).ToList();
        Assert.True(answerers.Distinct().Count() == 2, task.ToString());
        Assert.Equal("queen-1", task.GetProperty("agentId").GetString());
        var totals = task.GetProperty("totals");
        Assert.Equal(task.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("answer").GetProperty("inputTokens").GetInt64()), totals.GetProperty("inputTokens").GetInt64());
        Assert.Equal(3, agents.Count);
    }

    [Fact]
    public async Task A_pipeline_runs_its_stages_in_order_on_fitting_agents_each_seeing_the_previous_output()
    {
        const string prompt = "An article on durable workflows";
        var stages = new[]
        {
            new { name = "writer", instruction = "Write a draft.", capabilities = new[] { "writing" } },
            new { name = "editor", instruction = "Edit the draft.", capabilities = new[] { "editing" } },
            new { name = "fact-checker", instruction = "Check the facts.", capabilities = new[] { "fact-checking" } },
        };
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt, strategy = "pipeline", stages });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(["1-writer", "2-editor", "3-fact-checker"], TaskSubmissions.Stages(task));
        Assert.Equal(["writer-1", "editor-1", "checker-1"], TaskSubmissions.StepAgents(task));

        // The simulated answer is a fingerprint of the whole prompt, so each stage's answer proves what it was shown.
        StepOutcome? previous = null;
        foreach (var (stage, step) in stages.Zip(task.GetProperty("steps").EnumerateArray()))
        {
            var expected = SimulatedChatClient.Answer(PipelineStrategy.StageBriefing(stage.instruction, prompt, previous).Compose());
            Assert.Equal(expected, step.GetProperty("answer").GetProperty("text").GetString());
            previous = new StepOutcome(step.GetProperty("stage").GetString()!, step.GetProperty("agentId").GetString()!, new AgentAnswer(expected, "simulated", "sim", true, 0, 0, 0), [], default, default);
        }

        Assert.Equal(previous!.Answer.Text, task.GetProperty("result").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_hierarchical_task_is_planned_by_a_queen_run_as_subtasks_and_assembled()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Compare three databases for a startup", strategy = "hierarchical" });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(["plan", "subtask-1", "subtask-2", "subtask-3", "assemble"], TaskSubmissions.Stages(task));
        var steps = task.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("queen-1", steps[0].GetProperty("agentId").GetString());
        Assert.Equal("queen-1", steps[^1].GetProperty("agentId").GetString());
        Assert.Contains(task.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "planned");
    }

    [Fact]
    public async Task Hierarchical_subtasks_go_to_agents_with_the_tasks_capabilities_even_when_the_plan_names_none()
    {
        // The simulated queen's plan names no capability for its subtasks, as a model's plan may not.
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Write and polish a product note", strategy = "hierarchical", capabilities = new[] { "writing", "editing" } });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        var subtasks = task.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("stage").GetString()!.StartsWith("subtask-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["writer-1", "editor-1", "writer-1"], subtasks.Select(s => s.GetProperty("agentId").GetString()));
        Assert.Contains(task.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("detail").GetString() == "subtask 2 named no capability; it goes to an agent with 'editing'");
    }

    [Fact]
    public async Task A_parallel_task_never_gives_two_steps_to_one_agent_and_says_so_when_too_few_fit()
    {
        // One agent has the capability, with one seat: the second step waits for it, and must not take it after the first.
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Two views, one expert", strategy = "parallel", agents = 2, capabilities = new[] { "solo" } });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(["solo-1"], task.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("agentId").GetString()));
        var failed = Assert.Single(task.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "step-failed");
        Assert.Contains("asked for distinct agents, and no fitting agent is left besides [solo-1]", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parallel_step_retried_after_a_failure_does_not_go_to_an_agent_that_answered_another_step()
    {
        // fragile-1 (priority 10) fails every call; fragile-2 answers the other step at once, then the first step's retry
        // has no distinct agent left.
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Two careful views", strategy = "parallel", agents = 2, capabilities = new[] { "fragile" } });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(["fragile-2"], task.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("agentId").GetString()));
        var failed = Assert.Single(task.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "step-failed");
        var detail = failed.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains("no fitting agent is left besides [fragile-1, fragile-2]", StringComparison.Ordinal), detail);
        Assert.True(detail.Contains("it failed on fragile-1: ModelCall", StringComparison.Ordinal), detail);
    }

    [Fact]
    public async Task A_failed_agent_is_excluded_and_the_step_is_retried_on_the_next_best_one()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Handle with care", capabilities = new[] { "fragile" } });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal("fragile-2", task.GetProperty("agentId").GetString());
        var failed = Assert.Single(task.GetProperty("steps")[0].GetProperty("failedAttempts").EnumerateArray()).GetString();
        Assert.StartsWith("fragile-1: ", failed, StringComparison.Ordinal);
        Assert.StartsWith("fragile-1: ModelCallFailedException: simulated:broken", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_tasks_are_served_by_priority_without_polling_and_the_wait_shows_in_the_queue()
    {
        var holder = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "hold the seat", capabilities = new[] { "solo" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, holder, t => t.GetProperty("status").GetString() == "running");
        var low = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "low priority", capabilities = new[] { "solo" }, priority = 1 });
        var high = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "high priority", capabilities = new[] { "solo" }, priority = 9 });
        // In line once the dispatcher has queued the step (its "waiting" event), not merely while it asks.
        static bool Queued(JsonElement t) => t.GetProperty("waiting").GetArrayLength() == 1
            && t.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "waiting");
        await TaskSubmissions.WaitForTaskAsync(Swarm, low, Queued);
        await TaskSubmissions.WaitForTaskAsync(Swarm, high, Queued);

        using var listing = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/tasks", role: "operator"));
        var queue = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queue");
        Assert.True(queue.GetProperty("dispatcher").GetProperty("waiting").GetInt32() >= 2, queue.ToString());
        Assert.True(queue.GetProperty("byStatus").GetProperty("queued").GetInt32() >= 2, queue.ToString());
        Assert.NotNull(queue.GetProperty("oldestWaitingTask").GetString());

        var lowDone = await TaskPolling.WaitUntilFinishedAsync(Swarm, low, TimeSpan.FromSeconds(60));
        var highDone = await TaskPolling.WaitUntilFinishedAsync(Swarm, high, TimeSpan.FromSeconds(60));
        Assert.True(highDone.GetProperty("claimedAt").GetDateTimeOffset() < lowDone.GetProperty("claimedAt").GetDateTimeOffset(), "the high-priority task should get the seat first");

        // While it waited, the low-priority task slept on one deadline timer, and two events reached it: the answer to its
        // one seat request and the seat offer (the dispatcher is the one owner of seats, so nothing else is asked). Polling
        // would add timers and requests. One more event came before it asked: its atlas shard's answer to its recall of
        // similar tasks (pattern recognition is on by default).
        var history = await DurableHistories.ReadAsync(Swarm, low);
        Assert.True(history.Count(e => e == EventType.TimerCreated) == 1, string.Join(",", history));
        Assert.True(history.Count(e => e == EventType.EventRaised) == 3, string.Join(",", history));
    }

    [Fact]
    public async Task A_canceled_task_ends_canceled_and_gives_its_agent_seat_back()
    {
        var doomed = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "never mind", capabilities = new[] { "solo" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, doomed, t => t.GetProperty("status").GetString() == "running");

        using var cancel = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{doomed}/cancel", role: "operator"));
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var task = await TaskSubmissions.WaitForTaskAsync(Swarm, doomed, t => t.GetProperty("status").GetString() == "canceled");
        Assert.Equal("Canceled", task.GetProperty("error").GetProperty("type").GetString());
        await TaskPolling.WaitForAgentAsync(Swarm, "solo-1", a => a.GetProperty("load").GetInt32() == 0);
        var next = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "after the cancel", capabilities = new[] { "solo" } });
        Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(Swarm, next, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());

        using var again = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{next}/cancel", role: "operator"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_task_past_its_timeout_while_waiting_fails_as_timed_out()
    {
        var holder = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "hold it again", capabilities = new[] { "solo" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, holder, t => t.GetProperty("status").GetString() == "running");

        await TimedOutTaskAsync(new { prompt = "in a hurry", capabilities = new[] { "solo" }, timeoutSeconds = 1 });

        await TaskPolling.WaitUntilFinishedAsync(Swarm, holder, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_task_past_its_timeout_during_a_model_call_ends_at_the_deadline_without_blaming_the_agent()
    {
        // The model call takes a minute; the task allows five seconds. The call must be stopped at the deadline: waited
        // out, it would outlast the test's patience.
        var task = await TimedOutTaskAsync(new { prompt = "think it over", capabilities = new[] { "glacial" }, timeoutSeconds = 5 });

        Assert.Contains("glacial-1 worked on step 'answer'; its model call was stopped", task.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(task.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "attempt-failed");
        var agent = await UnblamedAgentAsync("glacial-1");
        Assert.Equal(0, agent.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task A_parallel_task_whose_answers_all_outlast_its_timeout_fails_as_timed_out_and_frees_every_seat()
    {
        await TimedOutTaskAsync(new { prompt = "both think it over", capabilities = new[] { "glacial" }, strategy = "parallel", agents = 2, timeoutSeconds = 5 });

        await UnblamedAgentAsync("glacial-1");
        await UnblamedAgentAsync("glacial-2");
    }

    [Fact]
    public async Task A_task_past_its_timeout_while_an_external_agent_works_fails_as_timed_out_not_as_the_agents_fault()
    {
        var task = await TimedOutTaskAsync(new { prompt = "by hand, quickly", capabilities = new[] { "manual" }, timeoutSeconds = 5 });

        Assert.Contains("external agent 'ext-1'", task.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        await UnblamedAgentAsync("ext-1");
    }

    /// <summary>Submits a task that must run out of time; asserts it failed as timed out and returns it.</summary>
    async Task<JsonElement> TimedOutTaskAsync(object body)
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, body);
        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(30));
        Assert.Equal("failed", task.GetProperty("status").GetString());
        Assert.Equal("TimedOut", task.GetProperty("error").GetProperty("type").GetString());
        return task;
    }

    /// <summary>Waits until the agent holds no seat, and asserts a deadline did not count against it.</summary>
    async Task<JsonElement> UnblamedAgentAsync(string agentId)
    {
        var agent = await TaskPolling.WaitForAgentAsync(Swarm, agentId, a => a.GetProperty("load").GetInt32() == 0);
        Assert.Equal(0, agent.GetProperty("consecutiveFailures").GetInt32());
        return agent;
    }

    [Fact]
    public async Task A_task_that_requires_approval_waits_for_a_person_and_runs_once_approved()
    {
        var approved = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Publish the report", requiresApproval = true });
        var rejected = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Delete the archive", requiresApproval = true });
        await TaskSubmissions.WaitForTaskAsync(Swarm, approved, t => t.GetProperty("status").GetString() == "awaitingApproval");
        await TaskSubmissions.WaitForTaskAsync(Swarm, rejected, t => t.GetProperty("status").GetString() == "awaitingApproval");

        using var viewer = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{approved}/approve", role: "viewer"));
        using var approve = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{approved}/approve", role: "operator", json: """{"comment":"looks right"}"""));
        using var reject = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{rejected}/reject", role: "operator", json: """{"comment":"too risky"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, reject.StatusCode);
        var done = await TaskPolling.WaitUntilFinishedAsync(Swarm, approved, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Contains(done.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "approved" && e.GetProperty("detail").GetString()!.Contains("looks right", StringComparison.Ordinal));
        var refused = await TaskPolling.WaitUntilFinishedAsync(Swarm, rejected, TimeSpan.FromSeconds(60));
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Equal("Rejected", refused.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("too risky", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

        using var late = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{approved}/approve", role: "operator"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task An_external_agent_posts_the_result_of_the_step_it_holds_with_its_api_key()
    {
        var key = (await TestAgents.IssueKeyAsync(Swarm, "ext-1")).GetProperty("apiKey").GetString()!;
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Sign the form by hand", capabilities = new[] { "manual" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.GetProperty("status").GetString() == "running" && t.GetProperty("agentId").GetString() == "ext-1");

        var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{id}/result")
        {
            Content = new StringContent("""{"text":"Signed and scanned.","inputTokens":5,"outputTokens":3}""", System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var posted = await Swarm.Http.SendAsync(post);
        using var byAdmin = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/result", json: """{"text":"not mine to give"}"""));

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(30));
        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal("Signed and scanned.", task.GetProperty("result").GetProperty("text").GetString());
        Assert.Equal("external", task.GetProperty("result").GetProperty("provider").GetString());
        Assert.Equal(5, task.GetProperty("result").GetProperty("inputTokens").GetInt64());
    }

    [Fact]
    public async Task An_external_agent_that_cannot_do_its_step_says_why_and_the_task_fails_with_its_reason()
    {
        var key = (await TestAgents.IssueKeyAsync(Swarm, "ext-1")).GetProperty("apiKey").GetString()!;
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Sign the form in ink", capabilities = new[] { "manual" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.GetProperty("status").GetString() == "running" && t.GetProperty("agentId").GetString() == "ext-1");
        async Task<(HttpStatusCode Status, string Body)> PostAsync(string json)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{id}/result") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            post.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
            using var response = await Swarm.Http.SendAsync(post);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var both = await PostAsync("""{"text":"Signed.","error":"No pen."}""");
        var blank = await PostAsync("""{"error":"   "}""");
        var tooLong = await PostAsync(JsonSerializer.Serialize(new { error = new string('x', 2001) }));
        var failure = await PostAsync("""{"error":"I have no pen.","step":"answer"}""");

        Assert.Equal(HttpStatusCode.BadRequest, both.Status);
        Assert.Contains("not both", both.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("2000", tooLong.Body, StringComparison.Ordinal);
        Assert.True(failure.Status == HttpStatusCode.Accepted, failure.Body);
        // ext-1 is the only agent with this expertise, so the step has nowhere else to go: the task fails at once with
        // the agent's own reason, instead of waiting out the agent's time limit.
        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(30));
        Assert.Equal("failed", task.GetProperty("status").GetString());
        var message = task.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("ExternalFailed", message, StringComparison.Ordinal);
        Assert.Contains("I have no pen.", message, StringComparison.Ordinal);
        Assert.Contains(task.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "attempt-failed" && e.GetProperty("detail").GetString()!.Contains("ext-1: ExternalFailed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submitting_again_with_the_same_idempotency_key_returns_the_same_task()
    {
        var key = "retry-" + Guid.NewGuid().ToString("N");
        var body = new { prompt = "Only once, please" };

        var (firstStatus, first) = await TaskSubmissions.SubmitAsync(Swarm, body, key);
        var (secondStatus, second) = await TaskSubmissions.SubmitAsync(Swarm, body, key);
        var (otherStatus, other) = await TaskSubmissions.SubmitAsync(Swarm, new { prompt = "Something else" }, key);

        Assert.Equal(HttpStatusCode.Accepted, firstStatus);
        Assert.Equal(HttpStatusCode.Accepted, secondStatus);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, otherStatus);
        Assert.Contains("Idempotency-Key", other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(Swarm, first.GetProperty("id").GetString()!, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"prompt":"x","strategy":"consensus","agents":1}""", "agents")]
    [InlineData("""{"prompt":"x","strategy":"pipeline","stages":[{"instruction":"only one"}]}""", "stages")]
    [InlineData("""{"prompt":"x","strategy":"parallel","agents":11}""", "agents")]
    [InlineData("""{"prompt":"x","strategy":"single","merge":true}""", "merge")]
    [InlineData("""{"prompt":"x","timeoutSeconds":0}""", "timeoutSeconds")]
    [InlineData("""{"prompt":"x","strategy":"roundRobin"}""", "strategy")]
    public async Task A_task_of_an_impossible_shape_is_refused_naming_the_field(string body, string field)
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/tasks", json: body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_listing_pages_tasks_by_status_and_an_agent_sees_only_its_own()
    {
        var mine = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "For the analyst", capabilities = new[] { "analysis" } });
        await TaskPolling.WaitUntilFinishedAsync(Swarm, mine, TimeSpan.FromSeconds(60));

        using var completed = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/tasks?status=completed&pageSize=5", role: "operator"));
        using var bad = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/tasks?status=done", role: "viewer"));
        var page = await completed.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.InRange(page.GetProperty("items").GetArrayLength(), 1, 5);
        Assert.All(page.GetProperty("items").EnumerateArray(), t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var key = (await TestAgents.IssueKeyAsync(Swarm, "analyst-1")).GetProperty("apiKey").GetString()!;
        var asAgent = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks?pageSize=200");
        asAgent.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var agentView = await Swarm.Http.SendAsync(asAgent);
        var items = (await agentView.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, t => t.GetProperty("id").GetString() == mine);
        Assert.All(items, t => Assert.Equal("analyst-1", t.GetProperty("agentId").GetString()));
    }
}
