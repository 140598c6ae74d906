using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The real-time channel on the local host's Web PubSub stand-in: who gets which event over a WebSocket, that the
/// channel's tokens are checked, and that the stand-in answers the vendor's own SDK as the service would.
/// </summary>
public sealed class RealtimeChannelTests(RealtimeChannelTests.Host host) : IClassFixture<RealtimeChannelTests.Host>
{
    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        /// <summary>Set rather than generated, so the SDK test can sign with it as an application server would.</summary>
        public const string AccessKey = "realtime-test-access-key-0123456789-abcdef";

        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync(("realtime__accessKey", AccessKey));
            await TaskSubmissions.CreateExternalAgentAsync(Process, "ext-rt", ["by-hand"], seats: 2);
            await TaskSubmissions.CreateExternalAgentAsync(Process, "voter-rt", ["judgement"], seats: 1);

            // A simulated agent for a task that must finish on its own (an external agent would wait for a person).
            await TaskSubmissions.CreateAgentAsync(Process, "worker-rt", "worker", ["plain-rt"]);
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    [Fact]
    public async Task An_external_agent_hears_of_its_step_and_the_submitter_hears_the_result()
    {
        var agentKey = (await TestAgents.IssueKeyAsync(Swarm, "ext-rt")).GetProperty("apiKey").GetString()!;
        using var agent = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, ApiKey(agentKey)));
        using var submitter = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, Bearer("admin")));

        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Count the ballots by hand", capabilities = new[] { "by-hand" }, notify = true });
        var assigned = await RealtimeSockets.ReceiveAsync(agent, "task_assigned", "taskId", id);
        var step = assigned.GetProperty("step").GetString()!;
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{id}/result")
        {
            Content = JsonContent.Create(new { text = "412 for, 388 against.", step }),
        };
        post.Headers.Authorization = ApiKey(agentKey);
        using var posted = await Swarm.Http.SendAsync(post);
        var finished = await RealtimeSockets.ReceiveAsync(submitter, "task_finished", "taskId", id);

        Assert.Equal("Count the ballots by hand", assigned.GetProperty("prompt").GetString());
        Assert.Equal($"/api/v1/tasks/{id}/result", assigned.GetProperty("resultUrl").GetString());
        Assert.True(assigned.GetProperty("answerBy").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal("412 for, 388 against.", finished.GetProperty("result").GetString());
        var stored = await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(30));
        Assert.Equal("completed", stored.GetProperty("status").GetString());
        Assert.Contains("PublishRealtimeActivity", await DurableHistories.ScheduledActivitiesAsync(Swarm, id));
    }

    [Fact]
    public async Task A_task_submitted_without_notify_sends_its_submitter_nothing()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "nobody is listening", capabilities = new[] { "plain-rt" } });
        await TaskPolling.WaitUntilFinishedAsync(Swarm, id, TimeSpan.FromSeconds(60));

        Assert.DoesNotContain("PublishRealtimeActivity", await DurableHistories.ScheduledActivitiesAsync(Swarm, id));
    }

    [Fact]
    public async Task A_canceled_task_is_announced_to_its_submitter_and_to_nobody_else()
    {
        using var submitter = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, Bearer("admin")));
        using var bystander = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, Bearer("operator")));
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Wait for a hand that never comes", capabilities = new[] { "by-hand" }, notify = true });
        await TaskSubmissions.WaitForTaskAsync(Swarm, id, t => t.TryGetProperty("agentId", out var agent) && agent.ValueKind == JsonValueKind.String);

        using var cancel = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/cancel"));
        var finished = await RealtimeSockets.ReceiveAsync(submitter, "task_finished", "taskId", id);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("canceled", finished.GetProperty("status").GetString());
        Assert.Equal("Canceled", finished.GetProperty("error").GetProperty("type").GetString());
        Assert.Null(await RealtimeSockets.TryReceiveAsync(bystander, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task An_external_agent_hears_that_the_task_it_works_on_was_canceled()
    {
        var agentKey = (await TestAgents.IssueKeyAsync(Swarm, "ext-rt")).GetProperty("apiKey").GetString()!;
        using var agent = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, ApiKey(agentKey)));
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Sort the archive by hand", capabilities = new[] { "by-hand" } });
        var assigned = await RealtimeSockets.ReceiveAsync(agent, "task_assigned", "taskId", id);

        using var cancel = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/cancel"));
        var canceled = await RealtimeSockets.ReceiveAsync(agent, "task_canceled", "taskId", id);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(assigned.GetProperty("step").GetString(), canceled.GetProperty("step").GetString());
        Assert.Equal("Canceled", canceled.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("Canceled by test-admin.", canceled.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal($"/api/v1/tasks/{id}", canceled.GetProperty("location").GetString());
    }

    [Fact]
    public async Task An_external_voter_hears_that_its_ballot_is_open_and_casts_it()
    {
        var voterKey = (await TestAgents.IssueKeyAsync(Swarm, "voter-rt")).GetProperty("apiKey").GetString()!;
        using var voter = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, ApiKey(voterKey)));
        await TaskPolling.WaitForAgentAsync(Swarm, "queen-1");
        using var proposed = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/consensus/proposal", json: JsonSerializer.Serialize(
            new { question = "Ship on Friday?", options = new[] { "ship", "wait" }, participants = new { agents = new[] { "queen-1", "voter-rt" } }, deadlineSeconds = 120 })));
        var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var ballot = await RealtimeSockets.ReceiveAsync(voter, "ballot_requested", "proposalId", id);
        using var vote = new HttpRequestMessage(HttpMethod.Post, ballot.GetProperty("voteUrl").GetString())
        {
            Content = JsonContent.Create(new { choice = "wait", confidence = 0.8, rationale = "Fridays break things." }),
        };
        vote.Headers.Authorization = ApiKey(voterKey);
        using var cast = await Swarm.Http.SendAsync(vote);

        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        Assert.Equal(1, ballot.GetProperty("round").GetInt32());
        Assert.Equal("Ship on Friday?", ballot.GetProperty("question").GetString());
        Assert.Equal(["ship", "wait"], ballot.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(HttpStatusCode.Accepted, cast.StatusCode);
    }

    [Fact]
    public async Task An_event_carries_quotes_and_pluses_as_written_not_as_unicode_escapes()
    {
        using var submitter = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, Bearer("admin")));

        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Is \"2+2\" four?", capabilities = new[] { "plain-rt" }, notify = true });
        var frame = await RealtimeSockets.ReceiveFrameAsync(submitter, "task_finished", "taskId", id);

        // The simulated answer quotes the prompt, so the frame has both characters to escape or not.
        Assert.Contains("\\\"2+2\\\"", frame, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\u0022", frame, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\u002B", frame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_message_each_other_and_only_connected_agents_receive()
    {
        var senderKey = (await TestAgents.IssueKeyAsync(Swarm, "talker-a")).GetProperty("apiKey").GetString()!;
        var receiverKey = (await TestAgents.IssueKeyAsync(Swarm, "talker-b")).GetProperty("apiKey").GetString()!;
        await TestAgents.EnsureAsync(Swarm, "talker-c");
        using var receiver = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, ApiKey(receiverKey)));

        var (sent, body) = await SendMessageAsync(ApiKey(senderKey), new { to = new[] { "talker-b", "talker-c" }, topic = "handoff", text = "Draft is ready for review." });
        var message = await RealtimeSockets.ReceiveAsync(receiver, "agent_message", "messageId", body.GetProperty("messageId").GetString()!);
        var (nobodyHome, _) = await SendMessageAsync(ApiKey(senderKey), new { to = new[] { "talker-c" }, text = "anyone?" });
        var (unknown, problem) = await SendMessageAsync(ApiKey(senderKey), new { to = new[] { "no-such-agent" }, text = "hello" });
        var (empty, invalid) = await SendMessageAsync(ApiKey(senderKey), new { to = new[] { "talker-b" }, text = "" });
        var (byViewer, _) = await SendMessageAsync(Bearer("viewer"), new { to = new[] { "talker-b" }, text = "hello" });

        Assert.Equal(HttpStatusCode.Accepted, sent);
        Assert.Equal(["talker-b"], body.GetProperty("delivered").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["talker-c"], body.GetProperty("notConnected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("agent:talker-a", message.GetProperty("from").GetString());
        Assert.Equal("handoff", message.GetProperty("topic").GetString());
        Assert.Equal("Draft is ready for review.", message.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.Conflict, nobodyHome);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("no-such-agent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal("text", invalid.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byViewer);
    }

    async Task<(HttpStatusCode Status, JsonElement Body)> SendMessageAsync(AuthenticationHeaderValue credential, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/messages", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = credential;
        using var response = await Swarm.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Negotiating_needs_a_credential_and_a_socket_needs_the_channels_own_token()
    {
        using var anonymous = await Swarm.Http.GetAsync(new Uri("/api/v1/realtime/negotiate", UriKind.Relative));
        var url = await ChannelCredentials.NegotiateAsync(Swarm, Bearer("viewer"));
        var forged = url[..url.IndexOf("access_token=", StringComparison.Ordinal)] + "access_token=" + Swarm.Token("admin");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => RealtimeSockets.ConnectAsync(forged));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        var noToken = await Assert.ThrowsAsync<WebSocketException>(() => RealtimeSockets.ConnectAsync(url[..url.IndexOf('?', StringComparison.Ordinal)]));
        Assert.Contains("401", noToken.Message, StringComparison.Ordinal);
        using var viewer = await RealtimeSockets.ConnectAsync(url);
        Assert.Equal(WebSocketState.Open, viewer.State);
    }

    [Fact]
    public async Task Revoking_an_agents_key_closes_its_connections_and_the_key_negotiates_no_more()
    {
        var issued = await TestAgents.IssueKeyAsync(Swarm, "revoked-rt");
        var key = issued.GetProperty("apiKey").GetString()!;
        using var socket = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, ApiKey(key)));

        using var revoke = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, $"/api/v1/agents/revoked-rt/keys/{issued.GetProperty("keyId").GetString()}"));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var closing = await socket.ReceiveAsync(new byte[1024], limit.Token);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/realtime/negotiate", UriKind.Relative));
        again.Headers.Authorization = ApiKey(key);
        using var refused = await Swarm.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closing.CloseStatus);
        Assert.Contains("revoked", closing.CloseStatusDescription, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Retiring_an_agent_closes_its_connections()
    {
        var key = (await TestAgents.IssueKeyAsync(Swarm, "retiring-rt")).GetProperty("apiKey").GetString()!;
        using var socket = await RealtimeSockets.ConnectAsync(await ChannelCredentials.NegotiateAsync(Swarm, ApiKey(key)));

        using var retire = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, "/api/v1/agents/retiring-rt"));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var closing = await socket.ReceiveAsync(new byte[1024], limit.Token);

        Assert.Equal(HttpStatusCode.Accepted, retire.StatusCode);
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Contains("revoked", closing.CloseStatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_token_cannot_take_an_agents_channel_identity()
    {
        var posing = TokenIssuer.Mint(new JwtSettings { Secret = LocalHostProcess.Secret }, "agent:ext-rt", ["admin"], TimeSpan.FromMinutes(5), TimeProvider.System);
        var nameless = TokenIssuer.Mint(new JwtSettings { Secret = LocalHostProcess.Secret }, "", ["admin"], TimeSpan.FromMinutes(5), TimeProvider.System);
        using var withoutSubject = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/realtime/negotiate", UriKind.Relative));
        withoutSubject.Headers.Authorization = new AuthenticationHeaderValue("Bearer", nameless);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/realtime/negotiate", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", posing);

        using var submit = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/tasks", UriKind.Relative))
        {
            Content = JsonContent.Create(new { prompt = "tell the agent I am done", notify = true }),
        };
        submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", posing);

        using var response = await Swarm.Http.SendAsync(request);
        using var submitted = await Swarm.Http.SendAsync(submit);
        using var unnamed = await Swarm.Http.SendAsync(withoutSubject);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.EndsWith("no-channel-identity", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unnamed.StatusCode);
        Assert.Equal("notify", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task With_the_channel_unreachable_tasks_still_finish_cancel_and_negotiation_says_503()
    {
        // A closed port: every notice fails at once, as when the Web PubSub service is down.
        await using var unreachable = await LocalHostProcess.StartAsync(("realtime__endpoint", $"http://127.0.0.1:{FreePorts.Next()}"), ("realtime__accessKey", Host.AccessKey));
        await TaskSubmissions.CreateExternalAgentAsync(unreachable, "ext-down", ["offline"], seats: 1);

        await TaskPolling.WaitForAgentAsync(unreachable, "queen-1");

        // The external agent takes the first task and so is full; the second goes to the queen and completes (its notice
        // fails), then the first is canceled (its notice fails too).
        var waiting = await TaskSubmissions.SubmitAcceptedAsync(unreachable, new { prompt = "wait for a hand", capabilities = new[] { "offline" }, notify = true });
        await TaskSubmissions.WaitForTaskAsync(unreachable, waiting, t => t.TryGetProperty("agentId", out var agent) && agent.GetString() == "ext-down");
        var done = await TaskPolling.WaitUntilFinishedAsync(unreachable, await TaskSubmissions.SubmitAcceptedAsync(unreachable, new { prompt = "finish without listeners", notify = true }), TimeSpan.FromSeconds(60));
        using var cancel = await unreachable.Http.SendAsync(unreachable.Request(HttpMethod.Post, $"/api/v1/tasks/{waiting}/cancel"));
        using var negotiate = await unreachable.Http.SendAsync(unreachable.Request(HttpMethod.Get, "/api/v1/realtime/negotiate"));

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("canceled", (await TaskPolling.WaitUntilFinishedAsync(unreachable, waiting, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);
        Assert.Contains("Real-time event task_finished", unreachable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_that_never_answers_holds_a_notice_at_most_its_call_limit_and_a_finished_task_cannot_be_canceled_meanwhile()
    {
        // Accepts connections (the kernel's backlog does) and never answers: the channel hangs rather than refuses.
        var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            await using var hanging = await LocalHostProcess.StartAsync(("realtime__endpoint", $"http://127.0.0.1:{port}"), ("realtime__accessKey", Host.AccessKey));
            await TaskPolling.WaitForAgentAsync(hanging, "queen-1");

            var id = await TaskSubmissions.SubmitAcceptedAsync(hanging, new { prompt = "done, but who hears it?", notify = true });
            var completing = await TaskSubmissions.WaitForTaskAsync(hanging, id, t => t.GetProperty("timeline").EnumerateArray().LastOrDefault() is { ValueKind: JsonValueKind.Object } last && last.GetProperty("kind").GetString() == "completed");
            using var cancel = await hanging.Http.SendAsync(hanging.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/cancel"));
            var finished = await TaskPolling.WaitUntilFinishedAsync(hanging, id, TimeSpan.FromSeconds(60));
            using var message = await hanging.Http.SendAsync(hanging.Request(HttpMethod.Post, "/api/v1/messages", json: """{"to":["queen-1"],"text":"are you there?"}"""));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, message.StatusCode);
            Assert.Equal("running", completing.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
            Assert.Equal("completed", finished.GetProperty("status").GetString());
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task With_the_channel_off_notify_and_stream_are_refused_by_name_and_negotiation_says_503()
    {
        await using var off = await LocalHostProcess.StartAsync(("realtime__enabled", "false"));

        var (status, problem) = await TaskSubmissions.SubmitAsync(off, new { prompt = "tell me when done", notify = true });
        var (streamStatus, streamProblem) = await TaskSubmissions.SubmitAsync(off, new { prompt = "show me as you go", stream = true });
        using var negotiate = await off.Http.SendAsync(off.Request(HttpMethod.Get, "/api/v1/realtime/negotiate"));
        using var standIn = await off.Http.PostAsync(new Uri("/api/hubs/swarm/:generateToken", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("notify", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, streamStatus);
        Assert.Equal("stream", streamProblem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("needs the real-time channel", streamProblem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, standIn.StatusCode);
    }

    [Fact]
    public async Task The_stand_in_answers_the_vendors_sdk_as_web_pubsub_would()
    {
        var connection = $"Endpoint=http://127.0.0.1:{Swarm.HttpPort};AccessKey={Host.AccessKey};Version=1.0;";

        // The swarm's event handler admits a connection on the ticket negotiate puts in its URL, for the user the
        // Web PubSub token names; so the SDK's token is for the negotiated user, and the ticket goes with it.
        var negotiated = System.Web.HttpUtility.ParseQueryString(new Uri(await ChannelCredentials.NegotiateAsync(Swarm, Bearer("viewer"))).Query);
        var userId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(negotiated["access_token"]).Subject;
        var token = JsonDocument.Parse(await NodeScript.RunAsync("web-pubsub-sdk.mjs", JsonSerializer.Serialize(new { connectionString = connection, hub = "swarm", op = "token", userId })));
        using var socket = await RealtimeSockets.ConnectAsync(token.RootElement.GetProperty("url").GetString()! + "&swarm_ticket=" + Uri.EscapeDataString(negotiated["swarm_ticket"]!));

        await NodeScript.RunAsync("web-pubsub-sdk.mjs", JsonSerializer.Serialize(new { connectionString = connection, hub = "swarm", op = "send", userId, message = new { type = "hello", data = new { from = "sdk" } } }));
        var wrongKey = connection.Replace(Host.AccessKey, "another-key-of-the-same-length-0123456789ab", StringComparison.Ordinal);
        var refused = await Record.ExceptionAsync(() => NodeScript.RunAsync("web-pubsub-sdk.mjs", JsonSerializer.Serialize(new { connectionString = wrongKey, hub = "swarm", op = "send", userId, message = new { type = "forged" } })));

        var received = await RealtimeSockets.TryReceiveAsync(socket, TimeSpan.FromSeconds(30));
        Assert.NotNull(received);
        Assert.Equal("hello", received.Value.GetProperty("type").GetString());
        Assert.Equal("sdk", received.Value.GetProperty("data").GetProperty("from").GetString());
        Assert.Contains("401", refused?.Message, StringComparison.Ordinal);
        Assert.Null(await RealtimeSockets.TryReceiveAsync(socket, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_connection_the_swarm_put_in_the_operators_group_hears_agents_come_and_go_and_a_tasks_states_in_order()
    {
        // The JSON subprotocol's first frame names the connection; the swarm puts it in a group through the service's
        // REST API, as the event handler does for a join it allowed.
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("json.webpubsub.azure.v1");
        using (var connecting = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await socket.ConnectAsync(new Uri(await ChannelCredentials.NegotiateAsync(Swarm, Bearer("admin"))), connecting.Token);
        }

        var connected = await RealtimeSockets.TryReceiveAsync(socket, TimeSpan.FromSeconds(15));
        var connectionId = connected!.Value.GetProperty("connectionId").GetString()!;
        var endpoint = $"http://127.0.0.1:{Swarm.HttpPort}";
        var groupUrl = $"{endpoint}/api/hubs/swarm/groups/operators/connections/{Uri.EscapeDataString(connectionId)}";
        using var join = new HttpRequestMessage(HttpMethod.Put, groupUrl);
        join.Headers.Authorization = new("Bearer", global::Swarm.Adapters.WebPubSub.WebPubSubAccessTokens.Sign(Host.AccessKey, groupUrl, null, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow));
        using var joined = await Swarm.Http.SendAsync(join);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);

        await TaskSubmissions.CreateAgentAsync(Swarm, "operator-watched-rt", "worker", ["watched-rt"]);
        var created = await ReceiveServerEventAsync(socket, "agent_created", "agentId", "operator-watched-rt");
        var id = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Watched by operators", capabilities = new[] { "watched-rt" } });
        var running = await ReceiveServerEventAsync(socket, "task_state_changed", "taskId", id);
        var completed = await ReceiveServerEventAsync(socket, "task_state_changed", "taskId", id);
        using var retire = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, "/api/v1/agents/operator-watched-rt"));
        var retired = await ReceiveServerEventAsync(socket, "agent_retired", "agentId", "operator-watched-rt");

        Assert.Equal(("worker", "/api/v1/agents/operator-watched-rt"), (created.GetProperty("type").GetString(), created.GetProperty("location").GetString()));
        Assert.Equal(("running", "completed"), (running.GetProperty("state").GetString(), completed.GetProperty("state").GetString()));
        Assert.Equal($"/api/v1/tasks/{id}", completed.GetProperty("location").GetString());
        Assert.Equal(HttpStatusCode.Accepted, retire.StatusCode);
        Assert.Equal(1, retired.GetProperty("completed").GetInt32());
    }

    /// <summary>The data of the next swarm event of this type about this id, as a JSON-subprotocol client receives it (inside a server message).</summary>
    static async Task<JsonElement> ReceiveServerEventAsync(ClientWebSocket socket, string type, string idProperty, string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await RealtimeSockets.TryReceiveAsync(socket, deadline - DateTimeOffset.UtcNow) is { } message
                && message.GetProperty("type").GetString() == "message"
                && message.GetProperty("data") is var data
                && (data.ValueKind == JsonValueKind.String ? JsonDocument.Parse(data.GetString()!).RootElement : data) is var frame
                && frame.GetProperty("type").GetString() == type
                && frame.GetProperty("data").TryGetProperty(idProperty, out var about) && about.GetString() == id)
            {
                return frame.GetProperty("data").Clone();
            }
        }

        throw new TimeoutException($"No {type} event for {id} within 60 s.");
    }

    AuthenticationHeaderValue Bearer(string role) => new("Bearer", Swarm.Token(role));

    static AuthenticationHeaderValue ApiKey(string key) => new("ApiKey", key);

}
