using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Frames from clients over real sockets on the local host: the stand-in delivers them to the swarm's event handler as
/// Web PubSub would, and the answer comes back on the same connection. Plain WebSocket clients, the spec's <c>/ws</c>
/// with <c>X-Agent-ID</c> and <c>X-Session-ID</c>, and the vendor's own client library.
/// </summary>
public sealed class RealtimeFramesTests(RealtimeFramesTests.Host host) : IClassFixture<RealtimeFramesTests.Host>
{
    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync();
            await TaskSubmissions.CreateExternalAgentAsync(Process, "ext-fr", ["by-hand-fr"], seats: 2);
            await TaskSubmissions.CreateExternalAgentAsync(Process, "peer-fr", ["peer-fr"], seats: 1);
            await TaskSubmissions.CreateExternalAgentAsync(Process, "beat-fr", ["beat-fr"], seats: 1);
            await TaskSubmissions.CreateExternalAgentAsync(Process, "voter-fr", ["judgement-fr"], seats: 1);
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    [Fact]
    public async Task An_agent_answers_its_step_with_a_task_result_frame_and_the_submitter_hears_the_end()
    {
        using var agent = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, await ChannelCredentials.AgentKeyAsync(Swarm, "ext-fr")));
        using var submitter = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, new("Bearer", Swarm.Token("admin"))));
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Tally the show of hands", capabilities = new[] { "by-hand-fr" }, notify = true });
        var assigned = await RealtimeSockets.ReceiveAsync(agent, "task_assigned", "taskId", id);

        await RealtimeSockets.SendAsync(agent, JsonSerializer.Serialize(new { type = "task_result", id = "r-1", data = new { taskId = id, step = assigned.GetProperty("step").GetString(), result = "Carried, 31 to 4." } }));
        var ack = await RealtimeSockets.ReceiveReplyAsync(agent, "r-1");
        var finished = await RealtimeSockets.ReceiveAsync(submitter, "task_finished", "taskId", id);

        Assert.Equal("ack", ack.GetProperty("type").GetString());
        Assert.Equal(202, ack.GetProperty("status").GetInt32());
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal("Carried, 31 to 4.", finished.GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_message_frame_reaches_the_other_agent_and_a_bad_frame_hurts_nobody_else()
    {
        using var sender = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, await ChannelCredentials.AgentKeyAsync(Swarm, "ext-fr")));
        using var receiver = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, await ChannelCredentials.AgentKeyAsync(Swarm, "peer-fr")));

        await RealtimeSockets.SendAsync(sender, "this is not a frame");
        var garbage = await RealtimeSockets.TryReceiveAsync(sender, TimeSpan.FromSeconds(10));
        await RealtimeSockets.SendAsync(sender, """{"type": "message", "id": "m-1", "data": {"to": ["peer-fr"], "topic": "handoff", "text": "Your turn."}}""");
        var ack = await RealtimeSockets.ReceiveReplyAsync(sender, "m-1");
        var message = await RealtimeSockets.ReceiveAsync(receiver, "agent_message", "to", "peer-fr");

        Assert.Equal("error", garbage!.Value.GetProperty("type").GetString());
        Assert.Equal(400, garbage.Value.GetProperty("status").GetInt32());
        Assert.Equal(202, ack.GetProperty("status").GetInt32());
        Assert.Equal(["peer-fr"], ack.GetProperty("data").GetProperty("delivered").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("agent:ext-fr", message.GetProperty("from").GetString());
        Assert.Equal("Your turn.", message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_spec_client_connects_to_ws_with_its_agent_id_and_session_and_is_refused_without_them()
    {
        var session = await ChannelCredentials.SessionAsync(Swarm, "ext-fr");
        var ws = $"ws://127.0.0.1:{Swarm.HttpPort}/ws";
        using var spec = await RealtimeSockets.ConnectAsync(ws, ("X-Agent-ID", "ext-fr"), ("X-Session-ID", session));
        await RealtimeSockets.SendAsync(spec, """{"type": "join", "id": "j-1", "data": {"group": "operators"}}""");
        var refusedJoin = await RealtimeSockets.ReceiveReplyAsync(spec, "j-1");

        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => RealtimeSockets.ConnectAsync(ws, ("X-Agent-ID", "peer-fr"), ("X-Session-ID", session)));
        using var plainGet = await Swarm.Http.GetAsync(new Uri("/ws", UriKind.Relative));

        Assert.Equal(403, refusedJoin.GetProperty("status").GetInt32());
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", plainGet.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_vendors_client_joins_groups_and_sends_frames_as_events_through_the_swarm()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Wait for a watcher", capabilities = new[] { "by-hand-fr" } });
        var url = await ChannelCredentials.NegotiateAsync(Swarm, new("Bearer", Swarm.Token("operator")));
        var output = await NodeScript.RunAsync("swarm-realtime-client.mjs", JsonSerializer.Serialize(new
        {
            url,
            join = new[] { "operators" },
            steps = new object[]
            {
                new { @event = "join", data = new { group = $"task.{id}" } },
                new { @event = "message", data = new { group = $"task.{id}", topic = "note", text = "Watching this one." } },
                new { @event = "vote", data = new { choice = "yes" } },
                new { sendToGroup = $"task.{id}", data = new { text = "around the swarm" } },
            },
            waitGroup = 1,
        }));
        var seen = JsonDocument.Parse(output).RootElement;
        var replies = seen.GetProperty("replies").EnumerateArray().ToList();

        Assert.Equal("test-operator", seen.GetProperty("connected").GetProperty("userId").GetString());
        Assert.Equal(["operators"], seen.GetProperty("joined").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["ack", "ack", "error"], replies.Select(r => r.GetProperty("type").GetString()));
        Assert.Contains("proposalId", replies[2].GetProperty("data").GetProperty("detail").GetString(), StringComparison.Ordinal);
        var group = Assert.Single(seen.GetProperty("group").EnumerateArray());
        Assert.Equal($"task.{id}", group.GetProperty("group").GetString());
        Assert.Equal("Watching this one.", group.GetProperty("data").GetProperty("data").GetProperty("text").GetString());
        Assert.False(Assert.Single(seen.GetProperty("sendToGroup").EnumerateArray()).GetProperty("sent").GetBoolean());
    }

    [Fact]
    public async Task A_connected_agent_is_present_its_heartbeat_frame_is_recorded_and_closing_ends_its_presence()
    {
        var socket = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, await ChannelCredentials.AgentKeyAsync(Swarm, "beat-fr")));
        await RealtimeSockets.SendAsync(socket, """{"type": "heartbeat", "id": "h-1", "data": {"status": "idle"}}""");
        var ack = await RealtimeSockets.ReceiveReplyAsync(socket, "h-1");
        var present = await PresenceAsync("beat-fr", p => p.GetProperty("connected").GetBoolean() && p.TryGetProperty("lastHeartbeatAt", out _));

        using (socket)
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", closing.Token);
        }

        var gone = await PresenceAsync("beat-fr", p => !p.GetProperty("connected").GetBoolean());

        Assert.Equal(202, ack.GetProperty("status").GetInt32());
        Assert.Equal(1, present.GetProperty("connections").GetInt32());
        Assert.Equal("idle", present.GetProperty("reportedStatus").GetString());
        Assert.True(gone.TryGetProperty("lastDisconnectedAt", out _), $"No disconnection recorded: {gone}");
    }

    [Fact]
    public async Task An_external_voter_casts_its_ballot_with_a_vote_frame_and_the_round_records_it()
    {
        using var voter = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, await ChannelCredentials.AgentKeyAsync(Swarm, "voter-fr")));
        await TaskPolling.WaitForAgentAsync(Swarm, "queen-1");
        using var proposed = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/consensus/proposal", json: JsonSerializer.Serialize(
            new { question = "Merge the branch?", options = new[] { "merge", "hold" }, participants = new { agents = new[] { "queen-1", "voter-fr" } }, deadlineSeconds = 120 })));
        var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await RealtimeSockets.ReceiveAsync(voter, "ballot_requested", "proposalId", id);

        await RealtimeSockets.SendAsync(voter, JsonSerializer.Serialize(new { type = "vote", id = "v-1", data = new { proposalId = id, choice = "hold", confidence = 0.7, rationale = "Tests are red." } }));
        var ack = await RealtimeSockets.ReceiveReplyAsync(voter, "v-1");
        // The round waits for every voter until its 120 s deadline; with voter-fr's ballot in, it is counted at once
        // (decided, or a tie that opens round 2), so a proposal that moves on within 30 s has counted the frame's ballot.
        var proposal = await ProposalAsync(id, p => p.GetProperty("status").GetString() != "voting" || p.GetProperty("round").GetInt32() > 1
            || p.GetProperty("voted").EnumerateArray().Any(v => v.GetString() == "voter-fr"));

        Assert.Equal("ack", ack.GetProperty("type").GetString());
        Assert.Equal(202, ack.GetProperty("status").GetInt32());
        Assert.Equal(1, ack.GetProperty("data").GetProperty("round").GetInt32());
        Assert.Equal(id, proposal.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_broadcast_to_a_capability_reaches_its_agents_and_needs_the_broadcast_permission()
    {
        using var listener = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, await ChannelCredentials.AgentKeyAsync(Swarm, "peer-fr")));
        using var agentSender = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, await ChannelCredentials.AgentKeyAsync(Swarm, "ext-fr")));
        using var operatorSender = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, new("Bearer", Swarm.Token("operator"))));

        await RealtimeSockets.SendAsync(agentSender, """{"type": "message", "id": "b-1", "data": {"capability": "peer-fr", "text": "From a peer."}}""");
        var refused = await RealtimeSockets.ReceiveReplyAsync(agentSender, "b-1");
        await RealtimeSockets.SendAsync(operatorSender, """{"type": "message", "id": "b-2", "data": {"capability": "peer-fr", "text": "Stand by for the release."}}""");
        var ack = await RealtimeSockets.ReceiveReplyAsync(operatorSender, "b-2");
        var heard = await RealtimeSockets.ReceiveAsync(listener, "agent_message", "group", "capability.peer-fr");
        using var metrics = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/system/metrics"));
        var communication = (await metrics.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("communication").GetProperty("swarm");

        Assert.Equal(403, refused.GetProperty("status").GetInt32());
        Assert.Contains("messages:broadcast", refused.GetProperty("data").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(202, ack.GetProperty("status").GetInt32());
        Assert.Equal("Stand by for the release.", heard.GetProperty("text").GetString());
        Assert.Equal("test-operator", heard.GetProperty("from").GetString());
        Assert.True(communication.GetProperty("framesIn").GetProperty("message").GetInt64() >= 2, communication.ToString());
        Assert.True(communication.GetProperty("eventsOut").GetProperty("agent_message").GetInt64() >= 1, communication.ToString());
        Assert.True(communication.GetProperty("errors").GetInt64() >= 1, communication.ToString());
    }

    /// <summary>The proposal as GET answers it, once <paramref name="condition"/> holds.</summary>
    async Task<JsonElement> ProposalAsync(string proposalId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, $"/api/v1/consensus/proposals/{proposalId}"));
            var proposal = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (condition(proposal))
            {
                return proposal;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The proposal did not move on: {proposal}");
            await Task.Delay(250);
        }
    }

    /// <summary>The agent's presence once <paramref name="condition"/> holds (presence is recorded by signals, so it settles shortly after).</summary>
    async Task<JsonElement> PresenceAsync(string agentId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, $"/api/v1/agents/{agentId}"));
            var presence = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("presence");
            if (condition(presence))
            {
                return presence;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The presence of {agentId} did not settle: {presence}");
            await Task.Delay(200);
        }
    }


}
