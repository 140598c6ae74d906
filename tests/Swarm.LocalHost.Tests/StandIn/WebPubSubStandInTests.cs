using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Swarm.LocalHost.Realtime;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests.StandIn;

/// <summary>
/// The local Web PubSub stand-in held to the service's client protocol and event handler protocol: the vendor's own
/// client library and server SDK against it, plain WebSocket clients, <c>/ws</c>, and the CloudEvents a handler gets
/// (each one's signature and headers checked by the handler, <see cref="RecordingUpstream"/>).
/// </summary>
public sealed class WebPubSubStandInTests
{
    [Fact]
    public async Task The_vendors_client_joins_by_role_publishes_sends_events_and_receives_server_and_group_messages()
    {
        await using var host = await StandInHost.StartAsync();
        host.Upstream!.Answer = r => r.Headers["ce-eventName"] == "ask" ? RecordingUpstream.Json(new { answer = 42 }) : null;

        var output = await NodeScript.RunAsync("web-pubsub-client.mjs", JsonSerializer.Serialize(new { connectionString = host.ConnectionString, hub = StandInHost.Hub }));
        var seen = JsonDocument.Parse(output).RootElement;

        // A group the roles do not name: the library's own error, with the protocol's Forbidden.
        var refused = seen.GetProperty("refused");
        Assert.Equal("SendMessageError", refused.GetProperty("name").GetString());
        Assert.Equal("Forbidden", refused.GetProperty("errorName").GetString());

        var alice = seen.GetProperty("alice");
        var bob = seen.GetProperty("bob");
        Assert.Equal("alice", alice.GetProperty("connected").GetProperty("userId").GetString());
        Assert.False(string.IsNullOrEmpty(alice.GetProperty("connected").GetProperty("connectionId").GetString()));

        // Alice's message reached bob from the group, naming her, and not herself (noEcho).
        var fromAlice = bob.GetProperty("group")[0];
        Assert.Equal("team", fromAlice.GetProperty("group").GetString());
        Assert.Equal("alice", fromAlice.GetProperty("fromUserId").GetString());
        Assert.Equal("from alice", fromAlice.GetProperty("data").GetProperty("hello").GetString());
        Assert.DoesNotContain(alice.GetProperty("group").EnumerateArray(), m => m.GetProperty("fromUserId").GetString() == "alice");

        // The event reached the handler as text and its JSON answer came back as a server message.
        var ask = await host.Upstream.WaitForAsync(r => r.Headers["ce-eventName"] == "ask");
        Assert.Equal("azure.webpubsub.user.ask", ask.Headers["ce-type"]);
        Assert.Equal("text/plain", ask.ContentType);
        Assert.Equal("what is the answer", Encoding.UTF8.GetString(ask.Body.Span));
        Assert.Equal(PubSubFrames.Subprotocol, ask.Headers["ce-subprotocol"]);
        Assert.Equal("alice", ask.Headers["ce-userId"]);
        var reply = alice.GetProperty("server")[0];
        Assert.Equal("json", reply.GetProperty("dataType").GetString());
        Assert.Equal(42, reply.GetProperty("data").GetProperty("answer").GetInt32());

        // The server SDK's sendToAll reached both; its group(...).sendToAll reached the group as a group message from no user.
        Assert.True(alice.GetProperty("server")[1].GetProperty("data").GetProperty("broadcast").GetBoolean());
        Assert.True(bob.GetProperty("server")[0].GetProperty("data").GetProperty("broadcast").GetBoolean());
        var news = bob.GetProperty("group").EnumerateArray().Single(m => m.GetProperty("dataType").GetString() == "text");
        Assert.Equal("team news", news.GetProperty("data").GetString());
        Assert.Equal(JsonValueKind.Null, news.GetProperty("fromUserId").ValueKind);
        Assert.Empty(host.Upstream.Violations);
    }

    [Fact]
    public async Task A_plain_client_sends_frames_as_message_events_and_gets_the_handlers_replies_as_they_are()
    {
        await using var host = await StandInHost.StartAsync();
        host.Upstream!.Answer = r => r.Headers["ce-eventName"] == "message"
            ? r.ContentType == "text/plain" ? RecordingUpstream.Answered(200, "echo: " + Encoding.UTF8.GetString(r.Body.Span), "text/plain") : RecordingUpstream.Answered(200, "AQID", "application/octet-stream")
            : null;
        using var socket = await ConnectAsync(host.ClientUrl("carol"));

        await SendTextAsync(socket, "hello");
        var echoed = await ReceiveAsync(socket);
        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        var binary = await ReceiveAsync(socket);

        Assert.Equal((WebSocketMessageType.Text, "echo: hello"), (echoed!.Value.Type, echoed.Value.Text));
        Assert.Equal(WebSocketMessageType.Binary, binary!.Value.Type);
        var connect = await host.Upstream.WaitForAsync(r => r.Headers["ce-eventName"] == "connect");
        var events = host.Upstream.Requests.Where(r => r.Headers["ce-connectionId"] == connect.Headers["ce-connectionId"]).Select(r => r.Headers["ce-eventName"] + ":" + r.ContentType).ToList();
        Assert.Equal(["connect:application/json", "connected:application/json", "message:text/plain", "message:application/octet-stream"], events);
        var body = JsonDocument.Parse(connect.Body).RootElement;
        Assert.Equal("carol", body.GetProperty("claims").GetProperty("sub")[0].GetString());
        Assert.False(body.GetProperty("query").TryGetProperty("access_token", out _));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("subprotocols").ValueKind);
        Assert.Empty(host.Upstream.Violations);
    }

    [Fact]
    public async Task Ws_passes_its_headers_to_connect_whose_answer_names_the_user_and_a_refusal_keeps_its_status()
    {
        await using var host = await StandInHost.StartAsync();
        host.Upstream!.Answer = r => r.Headers["ce-eventName"] != "connect" ? null
            : JsonDocument.Parse(r.Body).RootElement.GetProperty("headers").TryGetProperty("X-Agent-ID", out var agent)
                ? RecordingUpstream.Json(new { userId = "agent:" + agent[0].GetString() })
                : RecordingUpstream.Answered(401);
        using var agentSocket = await ConnectAsync($"ws://{new Uri(host.Endpoint).Authority}/ws", ("X-Agent-ID", "ext-7"), ("X-Session-ID", "s-1"));
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync($"ws://{new Uri(host.Endpoint).Authority}/ws"));

        using var sent = await host.CallAsync(HttpMethod.Post, $"api/hubs/{StandInHost.Hub}/users/agent%3Aext-7/:send?api-version=2024-12-01", new StringContent("{\"type\":\"hi\"}", Encoding.UTF8, "application/json"));
        var received = await ReceiveAsync(agentSocket);

        var connect = await host.Upstream.WaitForAsync(r => r.Headers["ce-eventName"] == "connect" && r.Body.Length > 0 && Encoding.UTF8.GetString(r.Body.Span).Contains("ext-7", StringComparison.Ordinal));
        var headers = JsonDocument.Parse(connect.Body).RootElement.GetProperty("headers");
        Assert.Equal("s-1", headers.GetProperty("X-Session-ID")[0].GetString());
        Assert.False(connect.Headers.ContainsKey("ce-userId"));
        Assert.Equal("agent:ext-7", (await host.Upstream.WaitForAsync(r => r.Headers["ce-eventName"] == "connected")).Headers["ce-userId"]);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal("{\"type\":\"hi\"}", received!.Value.Text);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Empty(host.Upstream.Violations);
    }

    [Fact]
    public async Task A_refused_connect_gets_the_handlers_status_and_no_socket()
    {
        await using var host = await StandInHost.StartAsync();
        host.Upstream!.Answer = r => r.Headers["ce-eventName"] == "connect" ? RecordingUpstream.Answered(403, "not you", "text/plain") : null;

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(host.ClientUrl("mallory")));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Connections.Snapshot().OpenConnections);
        Assert.DoesNotContain(host.Upstream.Requests, r => r.Headers["ce-eventName"] is "connected" or "disconnected");
    }

    [Fact]
    public async Task Oversized_and_garbage_frames_close_only_their_own_connection()
    {
        await using var host = await StandInHost.StartAsync();
        host.Upstream!.Answer = r => r.Headers["ce-eventName"] == "message" ? RecordingUpstream.Answered(200, "ok", "text/plain") : null;
        using var bystander = await ConnectAsync(host.ClientUrl("dave"));
        using var garbage = await ConnectAsync(host.ClientUrl("eve"), subprotocol: PubSubFrames.Subprotocol);
        using var oversized = await ConnectAsync(host.ClientUrl("eve"));
        Assert.Contains("\"connected\"", (await ReceiveAsync(garbage))!.Value.Text, StringComparison.Ordinal);

        await SendTextAsync(garbage, "{not json");
        var declined = await ReceiveAsync(garbage);
        await oversized.SendAsync(new byte[ClientSession.MaxFrameBytes + 1], WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.Null(await ReceiveAsync(oversized));
        Assert.Null(await ReceiveAsync(garbage));
        await SendTextAsync(bystander, "still here");

        Assert.Contains("\"disconnected\"", declined!.Value.Text, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, garbage.CloseStatus);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, oversized.CloseStatus);
        Assert.Equal("ok", (await ReceiveAsync(bystander))!.Value.Text);
        Assert.Equal(WebSocketState.Open, bystander.State);
        var counts = host.Connections.Snapshot();
        Assert.Equal(1, counts.FramesIn["invalid"]);
        Assert.Equal(1, counts.FramesIn["tooLarge"]);
    }

    [Fact]
    public async Task Every_event_carries_the_connection_state_the_last_blocking_answer_set_and_disconnected_says_why()
    {
        await using var host = await StandInHost.StartAsync();
        host.Upstream!.Answer = r => r.Headers["ce-eventName"] switch
        {
            "connect" => RecordingUpstream.Answered(204, state: "c3RhdGUtYXQtY29ubmVjdA=="),
            "message" when Encoding.UTF8.GetString(r.Body.Span) == "change" => RecordingUpstream.Answered(204, state: "changed"),
            _ => null,
        };
        var socket = await ConnectAsync(host.ClientUrl("frank"));

        await SendTextAsync(socket, "first");
        await SendTextAsync(socket, "change");
        await SendTextAsync(socket, "after");
        await host.Upstream.WaitForAsync(r => r.Headers["ce-eventName"] == "message" && Encoding.UTF8.GetString(r.Body.Span) == "after");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        socket.Dispose();
        var disconnected = await host.Upstream.WaitForAsync(r => r.Headers["ce-eventName"] == "disconnected");

        var states = host.Upstream.Requests.Where(r => r.Headers["ce-eventName"] != "connect").Select(r => r.Headers.GetValueOrDefault("ce-connectionState")).ToList();
        Assert.Equal(["c3RhdGUtYXQtY29ubmVjdA==", "c3RhdGUtYXQtY29ubmVjdA==", "c3RhdGUtYXQtY29ubmVjdA==", "changed", "changed"], states);
        Assert.Contains("1000", JsonDocument.Parse(disconnected.Body).RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Connections.Snapshot().OpenConnections);
        Assert.Empty(host.Upstream.Violations);
    }

    [Fact]
    public async Task Rest_sends_reach_groups_and_connections_wrapped_for_subprotocol_clients_and_raw_for_plain_ones()
    {
        await using var host = await StandInHost.StartAsync();
        using var plain = await ConnectAsync(host.ClientUrl("gina"));
        using var pubsub = await ConnectAsync(host.ClientUrl("hank"), subprotocol: PubSubFrames.Subprotocol);
        var connected = JsonDocument.Parse((await ReceiveAsync(pubsub))!.Value.Text).RootElement;
        var pubsubId = connected.GetProperty("connectionId").GetString()!;
        var plainId = (await host.Upstream!.WaitForAsync(r => r.Headers.GetValueOrDefault("ce-userId") == "gina" && r.Headers["ce-eventName"] == "connected")).Headers["ce-connectionId"];
        var hub = $"api/hubs/{StandInHost.Hub}";

        using var unknown = await host.CallAsync(HttpMethod.Put, $"{hub}/groups/crew/connections/no-such-connection?api-version=2024-12-01");
        using var addPlain = await host.CallAsync(HttpMethod.Put, $"{hub}/groups/crew/connections/{plainId}?api-version=2024-12-01");
        using var addPubSub = await host.CallAsync(HttpMethod.Put, $"{hub}/groups/crew/connections/{pubsubId}?api-version=2024-12-01");
        using var toGroup = await host.CallAsync(HttpMethod.Post, $"{hub}/groups/crew/:send?api-version=2024-12-01", new StringContent("{\"n\":1}", Encoding.UTF8, "application/json"));
        var plainGot = await ReceiveAsync(plain);
        var pubsubGot = JsonDocument.Parse((await ReceiveAsync(pubsub))!.Value.Text).RootElement;
        using var toConnection = await host.CallAsync(HttpMethod.Post, $"{hub}/connections/{pubsubId}/:send", new StringContent("just you", Encoding.UTF8, "text/plain"));
        var direct = JsonDocument.Parse((await ReceiveAsync(pubsub))!.Value.Text).RootElement;
        using var remove = await host.CallAsync(HttpMethod.Delete, $"{hub}/groups/crew/connections/{plainId}");
        using var badJson = await host.CallAsync(HttpMethod.Post, $"{hub}/:send", new StringContent("{oops", Encoding.UTF8, "application/json"));
        using var toAll = await host.CallAsync(HttpMethod.Post, $"{hub}/:send", new StringContent("all", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.OK), (addPlain.StatusCode, addPubSub.StatusCode, toGroup.StatusCode, toConnection.StatusCode, remove.StatusCode));
        Assert.Equal("{\"n\":1}", plainGot!.Value.Text);
        Assert.Equal(("message", "group", "crew", "json", 1), (pubsubGot.GetProperty("type").GetString(), pubsubGot.GetProperty("from").GetString(), pubsubGot.GetProperty("group").GetString(), pubsubGot.GetProperty("dataType").GetString(), pubsubGot.GetProperty("data").GetProperty("n").GetInt32()));
        Assert.Equal(("server", "text", "just you"), (direct.GetProperty("from").GetString(), direct.GetProperty("dataType").GetString(), direct.GetProperty("data").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal("application/problem+json", badJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal("all", (await ReceiveAsync(plain))!.Value.Text);
        var counts = host.Connections.Snapshot();
        Assert.Equal(1, counts.Groups["crew"]);
        Assert.Equal(2, counts.OpenConnections);
        Assert.Equal(2, counts.FramesOut["group"]);
    }

    [Fact]
    public async Task Without_an_event_handler_clients_connect_on_their_token_and_ws_is_refused()
    {
        await using var host = await StandInHost.StartAsync(withUpstream: false);
        using var socket = await ConnectAsync(host.ClientUrl("ivan"), subprotocol: PubSubFrames.Subprotocol);
        var connected = await ReceiveAsync(socket);
        await SendTextAsync(socket, "{\"type\":\"event\",\"event\":\"x\",\"ackId\":7,\"dataType\":\"text\",\"data\":\"hi\"}");
        var ack = JsonDocument.Parse((await ReceiveAsync(socket))!.Value.Text).RootElement;
        await SendTextAsync(socket, "{\"type\":\"event\",\"event\":\"x\",\"ackId\":7,\"dataType\":\"text\",\"data\":\"hi\"}");
        var duplicate = JsonDocument.Parse((await ReceiveAsync(socket))!.Value.Text).RootElement;

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync($"ws://{new Uri(host.Endpoint).Authority}/ws"));
        using var notASocket = await host.Http.GetAsync(new Uri("ws", UriKind.Relative));

        Assert.Contains("ivan", connected!.Value.Text, StringComparison.Ordinal);
        Assert.True(ack.GetProperty("success").GetBoolean());
        Assert.Equal("Duplicate", duplicate.GetProperty("error").GetProperty("name").GetString());
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UpgradeRequired, notASocket.StatusCode);
        Assert.Equal("application/problem+json", notASocket.Content.Headers.ContentType?.MediaType);
    }

    static async Task<ClientWebSocket> ConnectAsync(string url, params (string Name, string Value)[] headers) => await ConnectAsync(url, null, headers);

    static async Task<ClientWebSocket> ConnectAsync(string url, string? subprotocol, params (string Name, string Value)[] headers)
    {
        var socket = new ClientWebSocket();
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        if (subprotocol is not null)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(new Uri(url), limit.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame within 10 s, or null when the server closed the connection.</summary>
    static async Task<(WebSocketMessageType Type, string Text)?> ReceiveAsync(WebSocket socket)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, limit.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return (received.MessageType, Encoding.UTF8.GetString(frame.ToArray()));
            }
        }
    }
}
