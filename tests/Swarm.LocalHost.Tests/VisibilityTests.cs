using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// People see their own work: two members cannot read each other's tasks and proposals (a 404, left out of lists and
/// groups), sharing lets the named readers in and is audited, operators read everything, and agents still read what
/// they work on and vote on. Each person is a token of their own subject on the running host.
/// </summary>
public sealed class VisibilityTests(VisibilityTests.Host host) : IClassFixture<VisibilityTests.Host>
{
    const string Member = "member";

    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync();
            await TaskSubmissions.CreateExternalAgentAsync(Process, "hands-vis", ["vis-hands"], seats: 2);
            await TaskSubmissions.CreateExternalAgentAsync(Process, "idle-vis", ["vis-idle"], seats: 1);
            await TaskSubmissions.CreateAgentAsync(Process, "sim-vis", "specialist", ["vis-sim"]);
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Swarm.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    Task<(HttpStatusCode Status, JsonElement Body)> AsAsync(string subject, string role, HttpMethod method, string path, object? body = null) =>
        SendAsync(Swarm.RequestAs(subject, role, method, path, body is null ? null : JsonSerializer.Serialize(body)));

    async Task<(HttpStatusCode Status, JsonElement Body)> AsAgentAsync(string agentId, HttpMethod method, string path, object? body = null)
    {
        var request = Swarm.Request(method, path, role: null, json: body is null ? null : JsonSerializer.Serialize(body));
        request.Headers.Authorization = await ChannelCredentials.AgentKeyAsync(Swarm, agentId);
        return await SendAsync(request);
    }

    async Task<string> SubmitAsync(string subject, object task)
    {
        var (status, body) = await AsAsync(subject, Member, HttpMethod.Post, "/api/v1/tasks", task);
        Assert.True(status == HttpStatusCode.Accepted, $"{subject}'s task was not accepted: {(int)status} {body}");
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Shares are signals: the reader may see the task a moment after the answer. Waits until it does.</summary>
    async Task<JsonElement> WaitUntilReadableAsync(string subject, string role, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await AsAsync(subject, role, HttpMethod.Get, path);
            if (status == HttpStatusCode.OK)
            {
                return body;
            }

            Assert.True(status == HttpStatusCode.NotFound, $"{path} for {subject}: {(int)status} {body}");
            Assert.True(DateTime.UtcNow < deadline, $"{subject} still cannot read {path} after 30 s.");
            await Task.Delay(200);
        }
    }

    static bool AwaitsApproval(JsonElement task) => task.GetProperty("status").GetString() == "awaitingApproval";

    static IEnumerable<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!);

    [Fact]
    public async Task Two_members_cannot_read_each_others_tasks_and_an_operator_reads_both()
    {
        var alices = await SubmitAsync("alice", new { prompt = "Alice's quarterly numbers", requiresApproval = true });
        var bobs = await SubmitAsync("bob", new { prompt = "Bob's travel plan", requiresApproval = true });
        await WaitUntilAsync("alice", $"/api/v1/tasks/{alices}", AwaitsApproval);
        await WaitUntilAsync("bob", $"/api/v1/tasks/{bobs}", AwaitsApproval);

        var (aliceOwn, aliceView) = await AsAsync("alice", Member, HttpMethod.Get, $"/api/v1/tasks/{alices}");
        var (bobOnAlice, notFound) = await AsAsync("bob", Member, HttpMethod.Get, $"/api/v1/tasks/{alices}");
        var (bobCancels, _) = await AsAsync("bob", Member, HttpMethod.Post, $"/api/v1/tasks/{alices}/cancel");
        var (_, bobsList) = await AsAsync("bob", Member, HttpMethod.Get, "/api/v1/tasks?pageSize=200");
        var (_, alicesList) = await AsAsync("alice", Member, HttpMethod.Get, "/api/v1/tasks?pageSize=200");
        var (operatorReads, afterCancel) = await AsAsync("olga", "operator", HttpMethod.Get, $"/api/v1/tasks/{alices}");
        var (_, operatorsList) = await AsAsync("olga", "operator", HttpMethod.Get, "/api/v1/tasks?pageSize=200");

        Assert.Equal(HttpStatusCode.OK, aliceOwn);
        Assert.Equal("alice", aliceView.GetProperty("submittedBy").GetString());
        Assert.Equal("Alice's quarterly numbers", aliceView.GetProperty("prompt").GetString());
        Assert.Equal(HttpStatusCode.NotFound, bobOnAlice);
        Assert.Equal($"There is no task with id '{alices}'.", notFound.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, bobCancels);
        Assert.Contains(bobs, Ids(bobsList));
        Assert.DoesNotContain(alices, Ids(bobsList));
        Assert.DoesNotContain(bobs, Ids(alicesList));
        Assert.Equal(1, bobsList.GetProperty("queue").GetProperty("byStatus").GetProperty("awaitingApproval").GetInt32());
        Assert.Equal(HttpStatusCode.OK, operatorReads);
        Assert.Equal("awaitingApproval", afterCancel.GetProperty("status").GetString());
        Assert.Contains(alices, Ids(operatorsList));
        Assert.Contains(bobs, Ids(operatorsList));
    }

    [Fact]
    public async Task Sharing_at_submission_and_later_lets_the_named_readers_in_only_the_submitter_shares_and_each_share_is_audited()
    {
        var forCarol = await SubmitAsync("alice", new { prompt = "Draft for Carol", requiresApproval = true, sharedWith = new[] { "carol" } });
        var later = await SubmitAsync("alice", new { prompt = "Draft for the viewers", requiresApproval = true });
        // The list reads the task index, which the task's workflow writes once it has run; awaiting approval, it has.
        await WaitUntilAsync("alice", $"/api/v1/tasks/{later}", AwaitsApproval);

        var carolReads = await WaitUntilReadableAsync("carol", "viewer", $"/api/v1/tasks/{forCarol}");
        var (carolOnLater, _) = await AsAsync("carol", "viewer", HttpMethod.Get, $"/api/v1/tasks/{later}");
        var (carolOnLatersMemory, _) = await AsAsync("carol", "viewer", HttpMethod.Get, $"/api/v1/memory/{later}");
        var (carolOnHerMemory, _) = await AsAsync("carol", "viewer", HttpMethod.Get, $"/api/v1/memory/{forCarol}");
        var (shared, sharedBody) = await AsAsync("alice", Member, HttpMethod.Post, $"/api/v1/tasks/{later}/share", new { with = new[] { "role:viewer" } });
        await WaitUntilReadableAsync("dave", "viewer", $"/api/v1/tasks/{later}");
        var (_, davesList) = await AsAsync("dave", "viewer", HttpMethod.Get, "/api/v1/tasks?pageSize=200");
        var (carolReshares, _) = await AsAsync("carol", "viewer", HttpMethod.Post, $"/api/v1/tasks/{forCarol}/share", new { with = new[] { "bob" } });
        var (bobShares, _) = await AsAsync("bob", Member, HttpMethod.Post, $"/api/v1/tasks/{forCarol}/share", new { with = new[] { "bob" } });
        var (noRole, noRoleBody) = await AsAsync("alice", Member, HttpMethod.Post, $"/api/v1/tasks/{later}/share", new { with = new[] { "role:wizard" } });
        var (nobody, _) = await AsAsync("alice", Member, HttpMethod.Post, $"/api/v1/tasks/{later}/share", new { with = Array.Empty<string>() });
        var (badSubmit, badSubmitBody) = await AsAsync("alice", Member, HttpMethod.Post, "/api/v1/tasks", new { prompt = "x", sharedWith = new[] { "" } });

        Assert.Equal("Draft for Carol", carolReads.GetProperty("prompt").GetString());
        Assert.Equal(HttpStatusCode.NotFound, carolOnLater);
        Assert.Equal(HttpStatusCode.NotFound, carolOnLatersMemory);
        Assert.Equal(HttpStatusCode.OK, carolOnHerMemory);
        Assert.Equal(HttpStatusCode.OK, shared);
        Assert.Equal(["role:viewer"], sharedBody.GetProperty("sharedWith").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(later, Ids(davesList));
        Assert.DoesNotContain(forCarol, Ids(davesList));
        Assert.Equal(HttpStatusCode.Forbidden, carolReshares);
        Assert.Equal(HttpStatusCode.NotFound, bobShares);
        Assert.Equal(HttpStatusCode.BadRequest, noRole);
        Assert.Equal("with[0]", noRoleBody.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, nobody);
        Assert.Equal(HttpStatusCode.BadRequest, badSubmit);
        Assert.Equal("sharedWith[0]", badSubmitBody.GetProperty("errors")[0].GetProperty("field").GetString());

        var (_, shares) = await SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/audit?action=ShareTask&principal=alice&pageSize=200"));
        var record = Assert.Single(shares.GetProperty("items").EnumerateArray(), r => r.GetProperty("resource").GetString() == $"/api/v1/tasks/{later}/share" && r.GetProperty("status").GetInt32() == 200);
        Assert.Equal("shared with role:viewer", record.GetProperty("detail").GetString());
        var (_, submissions) = await SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/audit?action=SubmitTask&principal=alice&pageSize=200"));
        Assert.Contains(submissions.GetProperty("items").EnumerateArray(), r => r.TryGetProperty("detail", out var detail) && detail.GetString() == "shared with carol");
        var (_, refusals) = await SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/audit?action=ShareTask&principal=carol&pageSize=200"));
        Assert.Contains(refusals.GetProperty("items").EnumerateArray(), r => r.GetProperty("status").GetInt32() == 403);
    }

    [Fact]
    public async Task An_agent_reads_the_task_it_works_on_and_answers_it_while_another_agent_gets_404()
    {
        var id = await SubmitAsync("alice", new { prompt = "Count the ballots by hand", capabilities = new[] { "vis-hands" } });
        var assigned = await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.GetProperty("agents").EnumerateArray().Any(a => a.GetString() == "hands-vis"));
        Assert.Equal("running", assigned.GetProperty("status").GetString());

        var (worker, workerView) = await AsAgentAsync("hands-vis", HttpMethod.Get, $"/api/v1/tasks/{id}");
        var (other, _) = await AsAgentAsync("idle-vis", HttpMethod.Get, $"/api/v1/tasks/{id}");
        var (answered, _) = await AsAgentAsync("hands-vis", HttpMethod.Post, $"/api/v1/tasks/{id}/result", new { text = "42 for, 7 against." });
        var finished = await WaitUntilAsync("alice", $"/api/v1/tasks/{id}", t => t.GetProperty("status").GetString() == "completed");

        Assert.Equal(HttpStatusCode.OK, worker);
        Assert.Equal("Count the ballots by hand", workerView.GetProperty("prompt").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other);
        Assert.Equal(HttpStatusCode.Accepted, answered);
        Assert.Equal("42 for, 7 against.", finished.GetProperty("result").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_proposal_is_its_proposers_and_its_voters_an_operators_and_whoever_it_is_shared_with()
    {
        var (proposed, accepted) = await AsAsync("alice", Member, HttpMethod.Post, "/api/v1/consensus/proposal", new
        {
            question = "Which venue?",
            options = new[] { "Hall", "Garden" },
            participants = new { agents = new[] { "hands-vis" } },
            deadlineSeconds = 600,
        });
        Assert.True(proposed == HttpStatusCode.Accepted, accepted.ToString());
        var id = accepted.GetProperty("id").GetString()!;
        var path = $"/api/v1/consensus/proposals/{id}";

        var (own, _) = await AsAsync("alice", Member, HttpMethod.Get, path);
        var (bobReads, _) = await AsAsync("bob", Member, HttpMethod.Get, path);
        var (_, bobsList) = await AsAsync("bob", Member, HttpMethod.Get, "/api/v1/consensus/proposals?pageSize=200");
        var (operatorReads, _) = await AsAsync("olga", "operator", HttpMethod.Get, path);
        var voter = await WaitUntilAgentReadsAsync("hands-vis", path);
        var (other, _) = await AsAgentAsync("idle-vis", HttpMethod.Get, path);
        var (bobShares, _) = await AsAsync("bob", Member, HttpMethod.Post, path + "/share", new { with = new[] { "bob" } });
        var (shared, _) = await AsAsync("alice", Member, HttpMethod.Post, path + "/share", new { with = new[] { "bob" } });
        var bobLater = await WaitUntilReadableAsync("bob", Member, path);

        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.NotFound, bobReads);
        Assert.DoesNotContain(id, Ids(bobsList));
        Assert.Equal(HttpStatusCode.OK, operatorReads);
        Assert.Equal("Which venue?", voter.GetProperty("question").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other);
        Assert.Equal(HttpStatusCode.NotFound, bobShares);
        Assert.Equal(HttpStatusCode.OK, shared);
        Assert.Equal("alice", bobLater.GetProperty("proposedBy").GetString());
    }

    [Fact]
    public async Task Pattern_search_and_similar_tasks_show_a_member_only_the_tasks_it_may_read()
    {
        var alices = await SubmitAsync("alice", new { prompt = "Summarise the vendor contract renewal terms", capabilities = new[] { "vis-sim" } });
        var bobs = await SubmitAsync("bob", new { prompt = "Summarise the vendor contract termination terms", capabilities = new[] { "vis-sim" } });
        await WaitUntilAsync("alice", $"/api/v1/tasks/{alices}", t => t.GetProperty("status").GetString() == "completed");
        await PatternTests.FingerprintsAsync(Swarm, "vis-sim", 2);

        const string search = "/api/v1/patterns/tasks?q=vendor%20contract%20terms&capabilities=vis-sim";
        var (_, bobSearch) = await AsAsync("bob", Member, HttpMethod.Get, search);
        var (_, operatorSearch) = await AsAsync("olga", "operator", HttpMethod.Get, search);
        var (_, aliceSimilar) = await AsAsync("alice", Member, HttpMethod.Get, $"/api/v1/tasks/{alices}/similar");
        var (bobOnAlices, _) = await AsAsync("bob", Member, HttpMethod.Get, $"/api/v1/tasks/{alices}/similar");

        static IEnumerable<string> Found(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taskId").GetString()!);
        Assert.Equal([bobs], Found(bobSearch));
        Assert.Contains(alices, Found(operatorSearch));
        Assert.Contains(bobs, Found(operatorSearch));
        Assert.DoesNotContain(bobs, Found(aliceSimilar));
        Assert.Equal(HttpStatusCode.NotFound, bobOnAlices);
    }

    [Fact]
    public async Task The_channel_gives_a_tasks_events_to_those_who_may_read_it_and_not_to_another_member()
    {
        using var alice = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, new AuthenticationHeaderValue("Bearer", Swarm.TokenFor("alice", Member))));
        using var bob = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, new AuthenticationHeaderValue("Bearer", Swarm.TokenFor("bob", Member))));
        var id = await SubmitAsync("alice", new { prompt = "Plan the offsite", requiresApproval = true });
        await WaitUntilAsync("alice", $"/api/v1/tasks/{id}", AwaitsApproval);

        await RealtimeSockets.SendAsync(alice, JsonSerializer.Serialize(new { type = "join", id = "a-1", data = new { group = $"task.{id}" } }));
        var aliceJoined = await RealtimeSockets.ReceiveReplyAsync(alice, "a-1");
        await RealtimeSockets.SendAsync(bob, JsonSerializer.Serialize(new { type = "join", id = "b-1", data = new { group = $"task.{id}" } }));
        var bobRefused = await RealtimeSockets.ReceiveReplyAsync(bob, "b-1");
        await RealtimeSockets.SendAsync(bob, """{"type": "join", "id": "b-2", "data": {"group": "operators"}}""");
        var bobNoOperators = await RealtimeSockets.ReceiveReplyAsync(bob, "b-2");

        var (approved, _) = await AsAsync("olga", "operator", HttpMethod.Post, $"/api/v1/tasks/{id}/approve");
        var state = await RealtimeSockets.ReceiveAsync(alice, "task_state_changed", "taskId", id);
        while (state.GetProperty("state").GetString() == "awaitingApproval")
        {
            // The change to awaitingApproval may arrive after the join; the approval's comes after it.
            state = await RealtimeSockets.ReceiveAsync(alice, "task_state_changed", "taskId", id);
        }

        Assert.Equal(200, aliceJoined.GetProperty("status").GetInt32());
        Assert.Equal(404, bobRefused.GetProperty("status").GetInt32());
        Assert.Equal(403, bobNoOperators.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, approved);
        Assert.Equal("running", state.GetProperty("state").GetString());

        // Alice heard the change; in the same time bob heard nothing about her task (nor anything else: he is in no group).
        var heard = new List<string>();
        while (await RealtimeSockets.TryReceiveFrameAsync(bob, TimeSpan.FromSeconds(2)) is { } frame)
        {
            heard.Add(frame);
        }

        Assert.DoesNotContain(heard, f => f.Contains(id, StringComparison.Ordinal));
    }

    async Task<JsonElement> WaitUntilAsync(string subject, string path, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (status, body) = await AsAsync(subject, Member, HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, status);
            if (condition(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach the expected state within 60 s: {body}");
            await Task.Delay(200);
        }
    }

    /// <summary>A voter is known once the round has started; until then the agent is told the proposal does not exist.</summary>
    async Task<JsonElement> WaitUntilAgentReadsAsync(string agentId, string path)
    {
        var key = await ChannelCredentials.AgentKeyAsync(Swarm, agentId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var request = Swarm.Request(HttpMethod.Get, path, role: null);
            request.Headers.Authorization = key;
            var (status, body) = await SendAsync(request);
            if (status == HttpStatusCode.OK)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{agentId} still cannot read {path} after 30 s: {(int)status} {body}");
            await Task.Delay(200);
        }
    }
}
