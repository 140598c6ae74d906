using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Swarm.Adapters.Storage;
using static Swarm.LocalHost.Tests.TaskListPages;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The task listing and its queue answer from the task index (a Table the workflows keep), on the real local host:
/// they follow a task through its life as its own view does, page newest first, keep each person to what they may
/// read, and stop showing a task whose rows are gone while its own view still finds it.
/// </summary>
public sealed class TaskIndexTests(TaskIndexTests.Host host) : IClassFixture<TaskIndexTests.Host>
{
    const string Member = "member";
    const string Hands = "hands-ix";
    const string Slow = "slow-ix";

    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync(("providers__simulated__profiles__slow__latencyMs", "3000"));
            await TaskSubmissions.CreateExternalAgentAsync(Process, Hands, ["ix-hands"], seats: 2);
            await TaskSubmissions.CreateAgentAsync(Process, Slow, "specialist", ["ix-slow"], seats: 2, model: "slow");
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    async Task<(HttpStatusCode Status, JsonElement Body)> AsAsync(string subject, string role, HttpMethod method, string path, object? body = null)
    {
        using var request = Swarm.RequestAs(subject, role, method, path, body is null ? null : JsonSerializer.Serialize(body));
        using var response = await Swarm.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    async Task<string> SubmitAsync(string subject, object task)
    {
        var (status, body) = await AsAsync(subject, Member, HttpMethod.Post, "/api/v1/tasks", task);
        Assert.True(status == HttpStatusCode.Accepted, $"{subject}'s task was not accepted: {(int)status} {body}");
        return body.GetProperty("id").GetString()!;
    }

    async Task<JsonElement> ListAsync(string subject, string query = "pageSize=200", string role = Member)
    {
        var (status, body) = await AsAsync(subject, role, HttpMethod.Get, "/api/v1/tasks?" + query);
        Assert.True(status == HttpStatusCode.OK, $"list for {subject}: {(int)status} {body}");
        return body;
    }

    /// <summary>Polls the listing until <paramref name="condition"/> holds of it (some writes are on their way after the task moved on).</summary>
    async Task<JsonElement> ListUntilAsync(string subject, string query, Func<JsonElement, bool> condition, string role = Member)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await ListAsync(subject, query, role);
            if (condition(page))
            {
                return page;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the listing for {subject} ({query}) never showed what was expected: {page}");
            await Task.Delay(200);
        }
    }

    async Task<JsonElement> DetailUntilAsync(string subject, string id, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await AsAsync(subject, Member, HttpMethod.Get, $"/api/v1/tasks/{id}");
            if (status == HttpStatusCode.OK && condition(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"task {id} never reached the state expected: {(int)status} {body}");
            await Task.Delay(200);
        }
    }

    static IEnumerable<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!);

    static int QueueCount(JsonElement page, string status) =>
        page.GetProperty("queue").GetProperty("byStatus").TryGetProperty(status, out var count) ? count.GetInt32() : 0;

    static async Task<List<TableEntity>> RowsOfAsync(TableClient table, string taskId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"TaskId eq {taskId}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    TableClient IndexTable() => new TableServiceClient(Swarm.StorageConnectionString).GetTableClient(Swarm.Table("TaskIndex"));

    [Fact]
    public async Task The_listing_and_the_queue_follow_a_task_from_approval_through_running_to_completed()
    {
        const string ivy = "ivy";
        var id = await SubmitAsync(ivy, new { prompt = "Count the votes", requiresApproval = true, capabilities = new[] { "ix-hands" } });

        await DetailUntilAsync(ivy, id, t => t.GetProperty("status").GetString() == "awaitingApproval");
        var waiting = await ListAsync(ivy);
        Assert.Equal("awaitingApproval", StatusOf(waiting, id));
        Assert.Equal("awaiting-approval", Item(waiting, id)!.Value.GetProperty("phase").GetString());
        Assert.Equal(1, QueueCount(waiting, "awaitingApproval"));

        using (var approve = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/approve")))
        {
            Assert.Equal(HttpStatusCode.Accepted, approve.StatusCode);
        }

        await DetailUntilAsync(ivy, id, t => t.GetProperty("status").GetString() == "running");
        var running = await ListUntilAsync(ivy, "status=running&pageSize=200", p => StatusOf(p, id) == "running");
        Assert.Equal(Hands, Item(running, id)!.Value.GetProperty("agentId").GetString());
        Assert.Equal(1, QueueCount(running, "running"));
        Assert.Equal(0, QueueCount(running, "awaitingApproval"));

        var answer = Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/result", role: null, json: JsonSerializer.Serialize(new { text = "42 for, 7 against." }));
        answer.Headers.Authorization = await ChannelCredentials.AgentKeyAsync(Swarm, Hands);
        using (answer)
        using (var answered = await Swarm.Http.SendAsync(answer))
        {
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }

        await DetailUntilAsync(ivy, id, t => t.GetProperty("status").GetString() == "completed");
        // The end is written before the task completes: whoever saw it completed finds it listed so at once.
        var done = await ListAsync(ivy, "status=completed&pageSize=200");
        Assert.Equal("completed", StatusOf(done, id));
        Assert.Equal(Hands, Item(done, id)!.Value.GetProperty("agentId").GetString());
        Assert.False(Item(done, id)!.Value.TryGetProperty("phase", out _), "a finished task has no phase");
        Assert.Equal(0, QueueCount(done, "running"));
        Assert.Null(StatusOf(await ListAsync(ivy, "status=running&pageSize=200"), id));

        var table = IndexTable();
        var rows = await RowsOfAsync(table, id);
        Assert.Equal([TaskIndexKeys.Everyone, TaskIndexKeys.Submitter(ivy)], rows.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("Completed", r.GetString("Status")));
    }

    [Fact]
    public async Task A_task_seated_at_once_writes_its_acceptance_and_first_seat_with_its_model_call_and_its_end_with_the_end_notices()
    {
        // Nothing is written before the first seat; then the row (running, on its agent) and the "running" notice go
        // with the model call (its activity writes and sends them before it calls the model), the end with the end's
        // notices: one activity beside the model call, where separate index and notice activities made five, and an
        // acceptance and a first seat with activities of their own made three.
        var id = await SubmitAsync("cara", new { prompt = "Summarise the minutes", strategy = "single", capabilities = new[] { "ix-slow" } });

        // The model takes 3 s: the row says running, on its agent, while the call is still under way.
        var running = await ListUntilAsync("cara", "status=running&pageSize=200", p => StatusOf(p, id) == "running");
        Assert.Equal(Slow, Item(running, id)!.Value.GetProperty("agentId").GetString());
        Assert.Equal("running", Item(running, id)!.Value.GetProperty("phase").GetString());
        var (_, during) = await AsAsync("cara", Member, HttpMethod.Get, $"/api/v1/tasks/{id}");
        Assert.Equal("running", during.GetProperty("status").GetString());

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", task.GetProperty("status").GetString());
        var activities = await DurableHistories.ScheduledActivitiesAsync(Swarm, id);
        Assert.Equal(["InvokeAgentActivity", "RecordTaskChangeActivity"], activities.Order(StringComparer.Ordinal));
        var listed = await ListUntilAsync("cara", "pageSize=10", l => StatusOf(l, id) == "completed");
        Assert.Equal(Slow, Item(listed, id)!.Value.GetProperty("agentId").GetString());
    }

    [Fact]
    public async Task A_task_that_waits_in_line_is_listed_queued_while_it_waits_then_running_then_completed()
    {
        // The slow agent's two seats are taken by the first two tasks for 3 s; the third waits in line, and its
        // acceptance (held until its first seat) goes when it joins the line, so the listing shows it waiting.
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitAsync("dora", new { prompt = $"Check the ledger, part {i}", strategy = "single", capabilities = new[] { "ix-slow" } }));
        }

        var queued = await ListUntilAsync("dora", "status=queued&pageSize=200", p => ids.Any(id => StatusOf(p, id) == "queued"));
        var waiter = ids.First(id => StatusOf(queued, id) == "queued");
        Assert.Equal("waiting-for-agent", Item(queued, waiter)!.Value.GetProperty("phase").GetString());
        Assert.True(QueueCount(queued, "queued") >= 1, $"the queue counts no queued task: {queued}");

        var running = await ListUntilAsync("dora", "status=running&pageSize=200", p => StatusOf(p, waiter) == "running");
        Assert.Equal(Slow, Item(running, waiter)!.Value.GetProperty("agentId").GetString());
        foreach (var id in ids)
        {
            Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        }

        var done = await ListUntilAsync("dora", "status=completed&pageSize=200", p => ids.All(id => StatusOf(p, id) == "completed"));
        Assert.Equal(3, ids.Count(id => StatusOf(done, id) == "completed"));

        // The waiter wrote its acceptance when it joined the line, and its first seat with its model call.
        Assert.Equal(["InvokeAgentActivity", "RecordTaskChangeActivity", "RecordTaskChangeActivity"], (await DurableHistories.ScheduledActivitiesAsync(Swarm, waiter)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rejected_task_is_listed_failed_and_a_canceled_one_canceled_and_both_leave_the_queue()
    {
        const string fay = "fay";
        var rejected = await SubmitAsync(fay, new { prompt = "Buy the yacht", requiresApproval = true });
        var canceled = await SubmitAsync(fay, new { prompt = "Sell the yacht", requiresApproval = true });
        await DetailUntilAsync(fay, rejected, t => t.GetProperty("status").GetString() == "awaitingApproval");
        await DetailUntilAsync(fay, canceled, t => t.GetProperty("status").GetString() == "awaitingApproval");
        Assert.Equal(2, QueueCount(await ListAsync(fay), "awaitingApproval"));

        using (var reject = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{rejected}/reject")))
        using (var cancel = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{canceled}/cancel")))
        {
            Assert.Equal(HttpStatusCode.Accepted, reject.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        await DetailUntilAsync(fay, rejected, t => t.GetProperty("status").GetString() == "failed");
        var failed = await ListAsync(fay, "status=failed&pageSize=200");
        var stopped = await ListAsync(fay, "status=canceled&pageSize=200");
        var all = await ListAsync(fay);

        Assert.Equal("Rejected", Item(failed, rejected)!.Value.GetProperty("error").GetString());
        Assert.Equal("Canceled", Item(stopped, canceled)!.Value.GetProperty("error").GetString());
        Assert.Equal("canceled", StatusOf(all, canceled));
        Assert.Equal("failed", StatusOf(all, rejected));
        Assert.Empty(all.GetProperty("queue").GetProperty("byStatus").EnumerateObject());
    }

    [Fact]
    public async Task A_member_pages_through_only_their_own_tasks_newest_first_and_an_operator_sees_them_too()
    {
        const string paige = "paige";
        var submitted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            submitted.Add(await SubmitAsync(paige, new { prompt = $"Page me {i}", requiresApproval = true }));
        }

        await ListUntilAsync(paige, "pageSize=200", p => p.GetProperty("items").GetArrayLength() == 5);
        var first = await ListAsync(paige, "pageSize=2");
        var second = await ListAsync(paige, "pageSize=2&continuationToken=" + first.GetProperty("continuationToken").GetString());
        var third = await ListAsync(paige, "pageSize=2&continuationToken=" + second.GetProperty("continuationToken").GetString());
        var other = await ListAsync("quinn");
        var (badToken, badTokenBody) = await AsAsync(paige, Member, HttpMethod.Get, "/api/v1/tasks?continuationToken=not-ours");
        var everyone = await ListAsync("olga", "pageSize=200", role: "operator");

        Assert.Equal(Enumerable.Reverse(submitted), Ids(first).Concat(Ids(second)).Concat(Ids(third)));
        Assert.Equal([2, 2, 1], new[] { first, second, third }.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.False(third.TryGetProperty("continuationToken", out _), "the last page hands out no token");
        Assert.Empty(Ids(other));
        Assert.Equal(0, QueueCount(other, "awaitingApproval"));
        Assert.Equal(HttpStatusCode.BadRequest, badToken);
        Assert.Equal("continuationToken", badTokenBody.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Superset(submitted.ToHashSet(), Ids(everyone).ToHashSet());
        Assert.True(QueueCount(everyone, "awaitingApproval") >= 5);
    }

    [Fact]
    public async Task A_task_whose_index_rows_are_gone_is_no_longer_listed_though_its_own_view_still_finds_it()
    {
        const string gus = "gus";
        var id = await SubmitAsync(gus, new { prompt = "Forget me", requiresApproval = true });
        await ListUntilAsync(gus, "pageSize=200", p => StatusOf(p, id) == "awaitingApproval");

        var table = IndexTable();
        foreach (var row in await RowsOfAsync(table, id))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var listed = await ListAsync(gus);
        var (detail, view) = await AsAsync(gus, Member, HttpMethod.Get, $"/api/v1/tasks/{id}");

        Assert.Null(StatusOf(listed, id));
        Assert.Equal(0, QueueCount(listed, "awaitingApproval"));
        Assert.Equal(HttpStatusCode.OK, detail);
        Assert.Equal("awaitingApproval", view.GetProperty("status").GetString());
    }
}
