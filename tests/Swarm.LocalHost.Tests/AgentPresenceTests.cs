using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Swarm.Application.Realtime;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Agents' presence on the running host: heartbeats over REST (who may send them, what they record, what is audited),
/// connection changes through <see cref="AgentPresence"/> into the real entity, and the system state naming an external
/// agent that holds a step but has gone quiet. The host heartbeats every second, so a heartbeat is overdue after two.
/// </summary>
public sealed class AgentPresenceTests(AgentPresenceTests.Host host) : IClassFixture<AgentPresenceTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() => Process = await LocalHostProcess.StartAsync(("realtime__heartbeatSeconds", "1"));

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    LocalHostProcess Swarm => host.Process;

    [Fact]
    public async Task An_agent_heartbeats_for_itself_and_its_view_and_the_listing_show_it_until_it_is_overdue()
    {
        var key = (await TestAgents.IssueKeyAsync(Swarm, "hb-self")).GetProperty("apiKey").GetString()!;

        using var response = await Swarm.Http.SendAsync(AsAgent(key, "hb-self", """{"status":"ready"}"""));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/v1/agents/hb-self", response.Headers.Location?.OriginalString);
        var receivedAt = answer.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.Equal(1, answer.GetProperty("heartbeatSeconds").GetInt32());
        var agent = await TaskPolling.WaitForAgentAsync(Swarm, "hb-self", a => At(a, "lastHeartbeatAt") is not null);
        var presence = agent.GetProperty("presence");
        Assert.Equal(receivedAt, presence.GetProperty("lastHeartbeatAt").GetDateTimeOffset());
        Assert.Equal("ready", presence.GetProperty("reportedStatus").GetString());
        Assert.False(presence.GetProperty("connected").GetBoolean());

        // Two intervals later with no heartbeat, the view says it is overdue; so does the listing.
        await TaskPolling.WaitForAgentAsync(Swarm, "hb-self", a => a.GetProperty("presence").GetProperty("heartbeatOverdue").GetBoolean());
        using var list = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/agents?pageSize=200", role: "viewer"));
        var listed = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "hb-self");
        Assert.Equal(receivedAt, listed.GetProperty("presence").GetProperty("lastHeartbeatAt").GetDateTimeOffset());
        Assert.True(listed.GetProperty("presence").GetProperty("heartbeatOverdue").GetBoolean());
    }

    [Fact]
    public async Task An_agent_may_not_heartbeat_for_another_an_admin_may_for_any_and_only_refusals_are_audited()
    {
        var key = (await TestAgents.IssueKeyAsync(Swarm, "hb-one")).GetProperty("apiKey").GetString()!;
        await TestAgents.EnsureAsync(Swarm, "hb-two");

        using var own = await Swarm.Http.SendAsync(AsAgent(key, "hb-one", body: null));
        using var other = await Swarm.Http.SendAsync(AsAgent(key, "hb-two", body: null));
        using var byAdmin = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/hb-two/heartbeat"));
        using var unknown = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/hb-nobody/heartbeat"));
        using var badStatus = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/hb-two/heartbeat", json: """{"status":"line\nbreak"}"""));

        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        await TaskPolling.WaitForAgentAsync(Swarm, "hb-two", a => At(a, "lastHeartbeatAt") is not null);

        var audited = await AuditedStatusesAsync();
        Assert.Equal(403, audited.GetValueOrDefault(CorrelationOf(other)));
        Assert.Equal(404, audited.GetValueOrDefault(CorrelationOf(unknown)));
        Assert.Equal(400, audited.GetValueOrDefault(CorrelationOf(badStatus)));
        Assert.False(audited.ContainsKey(CorrelationOf(own)), "an accepted heartbeat was audited");
        Assert.False(audited.ContainsKey(CorrelationOf(byAdmin)), "an accepted heartbeat was audited");
    }

    [Fact]
    public async Task A_retired_agent_cannot_heartbeat_and_its_presence_is_forgotten()
    {
        await TestAgents.EnsureAsync(Swarm, "hb-leaving");
        using (var beat = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/hb-leaving/heartbeat")))
        {
            Assert.Equal(HttpStatusCode.Accepted, beat.StatusCode);
        }

        await TaskPolling.WaitForAgentAsync(Swarm, "hb-leaving", a => At(a, "lastHeartbeatAt") is not null);
        using (var retire = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Delete, "/api/v1/agents/hb-leaving")))
        {
            Assert.Equal(HttpStatusCode.Accepted, retire.StatusCode);
        }

        var retired = await TaskPolling.WaitForAgentAsync(Swarm, "hb-leaving", a => a.GetProperty("status").GetString() == "retired"
            && At(a, "lastHeartbeatAt") is null);
        using var late = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/agents/hb-leaving/heartbeat"));

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Null(await Entities.ReadAsync<object>(Swarm, "presence", "hb-leaving"));
        Assert.False(retired.GetProperty("presence").GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Connection_changes_reach_the_agents_presence_entity_repeated_and_out_of_order()
    {
        await TestAgents.EnsureAsync(Swarm, "hb-socket");
        await using var durable = EntityClient();
        var t0 = DateTimeOffset.UtcNow;

        await AgentPresence.ConnectedAsync(durable, "hb-socket", "conn-1", t0, default);
        await AgentPresence.ConnectedAsync(durable, "hb-socket", "conn-1", t0, default);
        await AgentPresence.DisconnectedAsync(durable, "hb-socket", "conn-2", t0.AddSeconds(2), default);
        await AgentPresence.ConnectedAsync(durable, "hb-socket", "conn-2", t0.AddSeconds(1), default);
        await AgentPresence.ConnectedAsync(durable, "hb-socket", "conn-3", t0.AddSeconds(3), default);

        var open = (await TaskPolling.WaitForAgentAsync(Swarm, "hb-socket", a => At(a, "lastConnectedAt") is not null
            && At(a, "lastConnectedAt") == t0.AddSeconds(3))).GetProperty("presence");
        Assert.True(open.GetProperty("connected").GetBoolean());
        Assert.Equal(2, open.GetProperty("connections").GetInt32());
        Assert.Equal(t0.AddSeconds(2), open.GetProperty("lastDisconnectedAt").GetDateTimeOffset());

        await AgentPresence.DisconnectedAsync(durable, "hb-socket", "conn-3", t0.AddSeconds(5), default);
        await AgentPresence.DisconnectedAsync(durable, "hb-socket", "conn-1", t0.AddSeconds(4), default);

        var closed = (await TaskPolling.WaitForAgentAsync(Swarm, "hb-socket", a => !a.GetProperty("presence").GetProperty("connected").GetBoolean())).GetProperty("presence");
        Assert.Equal(0, closed.GetProperty("connections").GetInt32());
        Assert.Equal(t0.AddSeconds(5), closed.GetProperty("lastDisconnectedAt").GetDateTimeOffset());
        Assert.Equal(t0.AddSeconds(3), closed.GetProperty("lastConnectedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_system_state_names_an_external_agent_that_holds_a_step_and_is_not_connected_or_has_gone_quiet()
    {
        await TaskSubmissions.CreateExternalAgentAsync(Swarm, "hb-ext", ["hb-manual"], seats: 1);
        var taskId = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt = "Sign it by hand", capabilities = new[] { "hb-manual" } });
        await TaskSubmissions.WaitForTaskAsync(Swarm, taskId, t => t.GetProperty("status").GetString() == "running" && t.GetProperty("agentId").GetString() == "hb-ext");

        // Never connected: listed as not connected.
        var away = await WaitForSilentHolderAsync(h => h is { } e && !e.GetProperty("connected").GetBoolean());
        Assert.StartsWith(taskId + "/", away!.Value.GetProperty("steps")[0].GetString(), StringComparison.Ordinal);

        // Connected and heartbeating: no longer listed, and counted as connected.
        await using var durable = EntityClient();
        await AgentPresence.ConnectedAsync(durable, "hb-ext", "ext-conn", DateTimeOffset.UtcNow, default);
        using var beating = new CancellationTokenSource();
        var heartbeats = HeartbeatUntilAsync(durable, "hb-ext", beating.Token);
        var present = await WaitForStateAsync(s => Silent(s, "hb-ext") is null && s.GetProperty("presence").GetProperty("connected").GetInt32() >= 1);
        Assert.Equal(2, present.GetProperty("presence").GetProperty("overdueAfterSeconds").GetInt32());

        // Connected but silent for more than two intervals: listed again, as overdue.
        await beating.CancelAsync();
        await heartbeats;
        var quiet = await WaitForSilentHolderAsync(h => h is { } e && e.GetProperty("heartbeatOverdue").GetBoolean());
        Assert.True(quiet!.Value.GetProperty("connected").GetBoolean());

        using var cancel = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, $"/api/v1/tasks/{taskId}/cancel"));
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
    }

    HttpRequestMessage AsAgent(string apiKey, string agentId, string? body)
    {
        var request = Swarm.Request(HttpMethod.Post, $"/api/v1/agents/{agentId}/heartbeat", role: null, json: body);
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }

    /// <summary>The host's own kind of durable client: gRPC, for orchestrations and entities, over its private socket.</summary>
    DurableTaskClient EntityClient() => Swarm.DurableClient(entities: true);

    static async Task HeartbeatUntilAsync(DurableTaskClient durable, string agentId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await AgentPresence.HeartbeatAsync(durable, agentId, DateTimeOffset.UtcNow, CancellationToken.None);
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    static JsonElement? Silent(JsonElement state, string agentId) =>
        state.GetProperty("presence").GetProperty("silentHolders").EnumerateArray()
            .Where(h => h.GetProperty("agentId").GetString() == agentId).Select(h => (JsonElement?)h).FirstOrDefault();

    async Task<JsonElement?> WaitForSilentHolderAsync(Func<JsonElement?, bool> condition) =>
        Silent(await WaitForStateAsync(s => condition(Silent(s, "hb-ext"))), "hb-ext");

    async Task<JsonElement> WaitForStateAsync(Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/system/state"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var state = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (condition(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, "The system state did not show the expected presence within 30 s: " + state.GetProperty("presence"));
            await Task.Delay(250);
        }
    }

    /// <summary>A time in the agent's presence, or null when it has none (nulls are left out of answers).</summary>
    static DateTimeOffset? At(JsonElement agent, string name) =>
        agent.GetProperty("presence").TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDateTimeOffset() : null;

    static string CorrelationOf(HttpResponseMessage response) => response.Headers.GetValues("X-Correlation-Id").Single();

    async Task<Dictionary<string, int>> AuditedStatusesAsync()
    {
        var statuses = new Dictionary<string, int>();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("o"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("o"));
        string? continuation = null;
        do
        {
            var path = $"/api/v1/audit?from={from}&to={to}&pageSize=200" + (continuation is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuation));
            using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                statuses[item.GetProperty("correlationId").GetString()!] = item.GetProperty("status").GetInt32();
            }

            continuation = page.GetProperty("continuationToken").GetString();
        }
        while (continuation is not null);

        return statuses;
    }
}
