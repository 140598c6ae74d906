using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The event handler as Web PubSub in Azure calls it: CloudEvents over HTTP to <c>/api/v1/realtime/events</c>, signed
/// with the access key. These tests play the service, so they cover the Azure path end to end on the local host:
/// who may call it, who a connection is, and frames run as their REST twins.
/// </summary>
public sealed class RealtimeEventHandlerTests(RealtimeEventHandlerTests.Host host) : IClassFixture<RealtimeEventHandlerTests.Host>
{
    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public const string AccessKey = "event-handler-test-access-key-0123456789-abcdef";

        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // The rate limit on (the test hosts turn it off) for the frames' own limit: a burst of 60, refilled slowly enough
            // (one a second) that no machine is too slow to spend it.
            Process = await LocalHostProcess.StartAsync(("realtime__accessKey", AccessKey), ("security__rateLimit__permitsPerMinute", "60"), ("security__rateLimit__burst", "60"));
            await TaskSubmissions.CreateExternalAgentAsync(Process, "ext-eh", ["by-hand-eh"], seats: 2);
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    const string Key = Host.AccessKey;

    [Fact]
    public async Task The_handshake_allows_our_own_service_and_no_other()
    {
        using var ours = await Swarm.Http.SendAsync(Handshake($"127.0.0.1:{Swarm.HttpPort}"));
        using var theirs = await Swarm.Http.SendAsync(Handshake("attacker.example"));

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal($"127.0.0.1:{Swarm.HttpPort}", ours.Headers.GetValues("WebHook-Allowed-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("WebHook-Allowed-Origin"));
    }

    [Fact]
    public async Task Events_without_the_services_signature_are_refused()
    {
        var body = new { query = new Dictionary<string, string[]>(), headers = new Dictionary<string, string[]>() };
        using var unsigned = await Swarm.Http.SendAsync(RealtimeEventRequests.Event(null, "conn-unsigned", "azure.webpubsub.sys.connect", "connect", null, null, JsonSerializer.Serialize(body), "application/json"));
        using var otherKey = await Swarm.Http.SendAsync(RealtimeEventRequests.Connect("not-the-access-key-000000000000000000000", "conn-forged", null, body));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, otherKey.StatusCode);
    }

    [Fact]
    public async Task A_negotiated_agent_connects_as_itself_in_its_groups_and_a_person_who_reads_everything_may_join_any()
    {
        var agentUrl = await ChannelCredentials.NegotiateAsync(Swarm, await AgentKeyAsync());
        var (agentStatus, agent, agentState) = await ConnectAsync("conn-agent", "agent:ext-eh", Query(agentUrl));
        var (adminStatus, admin, _) = await ConnectAsync("conn-admin", "test-admin", Query(await ChannelCredentials.NegotiateAsync(Swarm, new("Bearer", Swarm.Token("admin")))));

        Assert.Equal(HttpStatusCode.OK, agentStatus);
        Assert.Equal("agent:ext-eh", agent.GetProperty("userId").GetString());
        Assert.Equal(["agents", "capability.by-hand-eh"], agent.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).Order());
        Assert.Empty(agent.GetProperty("roles").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(agentState));
        Assert.Equal(HttpStatusCode.OK, adminStatus);
        Assert.Equal(["webpubsub.joinLeaveGroup"], admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_connect_without_a_ticket_with_a_rest_token_or_as_someone_else_is_refused()
    {
        var agentUrl = await ChannelCredentials.NegotiateAsync(Swarm, await AgentKeyAsync());
        var (none, noneBody, _) = await ConnectAsync("conn-none", null, new { });
        var (restToken, _, _) = await ConnectAsync("conn-rest", null, Query(Swarm.Token("admin")));
        var (posing, _, _) = await ConnectAsync("conn-posing", "agent:someone-else", Query(agentUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Contains("/api/v1/realtime/negotiate", noneBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, restToken);
        Assert.Equal(HttpStatusCode.Unauthorized, posing);
    }

    [Fact]
    public async Task A_spec_client_connects_with_its_agent_id_and_session_token()
    {
        var session = await ChannelCredentials.SessionAsync(Swarm, "ext-eh");
        var (status, body, _) = await ConnectAsync("conn-spec", null, Headers(("X-Agent-ID", "ext-eh"), ("X-Session-ID", session)));
        var (wrongAgent, _, _) = await ConnectAsync("conn-spec-wrong", null, Headers(("X-Agent-ID", "queen-1"), ("X-Session-ID", session)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("agent:ext-eh", body.GetProperty("userId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAgent);
    }

    [Fact]
    public async Task A_task_result_frame_finishes_the_step_as_its_rest_twin_and_is_audited_as_the_agent()
    {
        var state = await AgentConnectionAsync("conn-result");
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Count the ballots by hand", capabilities = new[] { "by-hand-eh" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.TryGetProperty("agentId", out var agent) && agent.GetString() == "ext-eh");

        var reply = await FrameAsync("conn-result", state, JsonSerializer.Serialize(new { type = "task_result", id = "m-1", data = new { taskId = id, result = "412 for, 388 against." } }));
        var finished = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(30));
        using var audit = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/audit?action=PostTaskResult&principal=agent%3Aext-eh"));
        var records = (await audit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal("ack", reply.GetProperty("type").GetString());
        Assert.Equal("m-1", reply.GetProperty("id").GetString());
        Assert.Equal(202, reply.GetProperty("status").GetInt32());
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal("412 for, 388 against.", finished.GetProperty("result").GetProperty("text").GetString());
        Assert.Contains(records, r => r.GetProperty("resource").GetString() == $"/api/v1/tasks/{id}/result" && r.GetProperty("status").GetInt32() == 202);
    }

    [Fact]
    public async Task Bad_frames_get_error_frames_naming_the_problem()
    {
        var state = await AgentConnectionAsync("conn-bad");

        var notJson = await FrameAsync("conn-bad", state, "{not json");
        var unknown = await FrameAsync("conn-bad", state, """{"type": "teleport", "id": 7, "data": {}}""");
        var noTask = await FrameAsync("conn-bad", state, """{"type": "task_result", "id": "m-2", "data": {"text": "orphan"}}""");
        var badField = await FrameAsync("conn-bad", state, """{"type": "task_result", "id": "m-3", "data": {"taskId": "task-0000", "colour": "red"}}""");
        var stolenState = await FrameAsync("conn-thief", state, """{"type": "message", "id": "m-4", "data": {"to": ["ext-eh"], "text": "hi"}}""");

        Assert.All([notJson, unknown, noTask, badField, stolenState], r => Assert.Equal("error", r.GetProperty("type").GetString()));
        Assert.Equal(400, notJson.GetProperty("status").GetInt32());
        Assert.Equal(7, unknown.GetProperty("id").GetInt32());
        Assert.Contains("teleport", unknown.GetProperty("data").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("m-2", noTask.GetProperty("id").GetString());
        Assert.Contains("taskId", noTask.GetProperty("data").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("colour", badField.GetProperty("data").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(401, stolenState.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_oversized_frame_gets_an_error_frame_and_the_connection_goes_on()
    {
        var state = await AgentConnectionAsync("conn-big");
        var text = new string('x', 300 * 1024);

        var oversized = await FrameAsync("conn-big", state, JsonSerializer.Serialize(new { type = "message", id = "big-1", data = new { to = new[] { "ext-eh" }, text } }));
        var next = await FrameAsync("conn-big", state, """{"type": "task_result", "id": "after", "data": {"text": "no task named"}}""");

        Assert.Equal("error", oversized.GetProperty("type").GetString());
        Assert.Equal(413, oversized.GetProperty("status").GetInt32());
        Assert.Equal("after", next.GetProperty("id").GetString());
        Assert.Equal(400, next.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Frames_share_their_callers_rate_limit_and_past_it_get_429_error_frames()
    {
        // The host's limit is a burst of 60 per caller; this test's own agent spends it, over frames alone.
        await TaskSubmissions.CreateExternalAgentAsync(Swarm, "burst-eh", ["burst-eh"], seats: 1);
        var key = (await TestAgents.IssueKeyAsync(Swarm, "burst-eh")).GetProperty("apiKey").GetString()!;
        var (status, body, state) = await ConnectAsync("conn-burst", "agent:burst-eh", Query(await ChannelCredentials.NegotiateAsync(Swarm, new("ApiKey", key))));
        Assert.True(status == HttpStatusCode.OK, $"connect answered {(int)status}: {body}");

        // All at once, so the bucket cannot refill much while they arrive however slow the machine is.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 120).Select(async i =>
        {
            using var response = await Swarm.Http.SendAsync(RealtimeEventRequests.Frame(Key, "conn-burst", "agent:burst-eh", state,
                JsonSerializer.Serialize(new { type = "heartbeat", id = $"b-{i}", data = new { } })));
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32();
        }));

        Assert.All(statuses, s => Assert.True(s is 202 or 429, $"status {s}"));
        Assert.InRange(statuses.Count(s => s == 202), 1, 100);
        Assert.Contains(429, statuses);
    }

    [Fact]
    public async Task A_join_frame_needs_read_rights_on_the_group_and_the_thing_it_carries()
    {
        var state = await AgentConnectionAsync("conn-join");

        var operators = await FrameAsync("conn-join", state, """{"type": "join", "id": "j-1", "data": {"group": "operators"}}""");
        var strangerTask = await FrameAsync("conn-join", state, """{"type": "join", "id": "j-2", "data": {"group": "task.task-00000000000000000000000000000000"}}""");
        var nonsense = await FrameAsync("conn-join", state, """{"type": "join", "id": "j-3", "data": {"group": "everything"}}""");

        Assert.Equal(403, operators.GetProperty("status").GetInt32());
        Assert.Contains("system:read", operators.GetProperty("data").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, strangerTask.GetProperty("status").GetInt32());
        Assert.Equal(400, nonsense.GetProperty("status").GetInt32());
    }

    HttpRequestMessage Handshake(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, RealtimeEventRequests.Path);
        request.Headers.Add("WebHook-Request-Origin", origin);
        return request;
    }

    Task<AuthenticationHeaderValue> AgentKeyAsync() => ChannelCredentials.AgentKeyAsync(Swarm, "ext-eh");



    /// <summary>A connect event's body carrying a negotiated URL's ticket (or any token put where a ticket goes).</summary>
    static object Query(string urlOrToken) => new
    {
        query = new Dictionary<string, string[]> { ["swarm_ticket"] = [urlOrToken.StartsWith("ws", StringComparison.Ordinal) ? RealtimeEventRequests.TicketIn(urlOrToken) : urlOrToken] },
    };

    static object Headers(params (string Name, string Value)[] headers) => new { headers = headers.ToDictionary(h => h.Name, h => new[] { h.Value }) };

    async Task<(HttpStatusCode Status, JsonElement Body, string? State)> ConnectAsync(string connectionId, string? userId, object body)
    {
        using var response = await Swarm.Http.SendAsync(RealtimeEventRequests.Connect(Key, connectionId, userId, body));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var state = response.Headers.TryGetValues("ce-connectionState", out var values) ? values.Single() : null;
        return (response.StatusCode, json, state);
    }

    async Task<string> AgentConnectionAsync(string connectionId)
    {
        var (status, body, state) = await ConnectAsync(connectionId, "agent:ext-eh", Query(await ChannelCredentials.NegotiateAsync(Swarm, await AgentKeyAsync())));
        Assert.True(status == HttpStatusCode.OK, $"connect answered {(int)status}: {body}");
        return state!;
    }

    async Task<JsonElement> FrameAsync(string connectionId, string state, string frame)
    {
        using var response = await Swarm.Http.SendAsync(RealtimeEventRequests.Frame(Key, connectionId, "agent:ext-eh", state, frame));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
