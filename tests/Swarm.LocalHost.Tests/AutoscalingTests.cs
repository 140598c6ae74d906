using System.Net.Http.Json;
using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>The autoscaling pass on the running local host: a pool grows while its steps wait and shrinks back once idle, and says why.</summary>
public sealed class AutoscalingTests
{
    static async Task<JsonElement> ScalingAsync(LocalHostProcess host)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/system/scaling", role: "viewer"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static async Task<int> ActiveMembersAsync(LocalHostProcess host, string expertise = "scaling")
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"/api/v1/agents?expertise={expertise}&status=active", role: "viewer"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
    }

    static async Task<JsonElement> WaitForDecisionAsync(LocalHostProcess host, string action)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var scaling = await ScalingAsync(host);
            var decision = scaling.GetProperty("decisions").EnumerateArray()
                .FirstOrDefault(d => d.GetProperty("pool").GetString() == "specialist.scaling" && d.GetProperty("action").GetString() == action);
            if (decision.ValueKind == JsonValueKind.Object)
            {
                return decision;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No '{action}' decision for the pool within 60 s: {scaling}");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_pool_grows_while_its_steps_wait_and_shrinks_back_once_idle()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("AutoscalingSchedule", "*/1 * * * * *"),
            ("autoscaling__cooldownSeconds", "2"),
            ("providers__simulated__profiles__slow__latencyMs", "3000"));
        await TaskSubmissions.CreateAgentAsync(host, new
        {
            id = "scaler-1",
            name = "scaler-1",
            type = "specialist",
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { "scaling" }, priority = 5 },
            provider = new { type = "simulated", model = "slow" },
            maxConcurrency = 1,
            autoScale = true,
        });

        var tasks = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tasks.Add(await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = $"scale me {i}", capabilities = new[] { "scaling" } }));
        }

        var grow = await WaitForDecisionAsync(host, "grow");
        Assert.Contains("steps waiting for this pool", grow.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(grow.GetProperty("to").GetInt32() > grow.GetProperty("from").GetInt32());

        var finished = new List<JsonElement>();
        foreach (var id in tasks)
        {
            finished.Add(await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60)));
        }

        Assert.All(finished, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.True(finished.Select(t => t.GetProperty("agentId").GetString()).Distinct().Count() > 1, "the waiting tasks should have run on the agents autoscaling added");

        var shrink = await WaitForDecisionAsync(host, "shrink");
        Assert.Contains("idle", shrink.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ActiveMembersAsync(host) > 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the pool did not shrink back to its minimum of 1 within 60 s");
            await Task.Delay(500);
        }

        var scaling = await ScalingAsync(host);
        Assert.True(scaling.GetProperty("enabled").GetBoolean());
        Assert.True(scaling.GetProperty("lastChange").TryGetProperty("specialist.scaling", out _));
    }

    [Fact]
    public async Task A_manual_scale_holds_the_pool_for_a_cooldown_and_its_new_members_autoscale_only_if_asked()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("AutoscalingSchedule", "*/1 * * * * *"),
            ("autoscaling__cooldownSeconds", "120"));
        await TaskSubmissions.CreateAgentAsync(host, new
        {
            id = "held-1",
            name = "held-1",
            type = "specialist",
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { "held" }, priority = 5 },
            provider = new { type = "simulated", model = "simulated-1" },
            maxConcurrency = 1,
            autoScale = true,
        });

        using var scale = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/agents/scale", role: "operator", json: """{"type":"specialist","expertise":["held"],"target":3,"autoScale":false}"""));
        var scaled = await scale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(scale.IsSuccessStatusCode, $"scale answered {(int)scale.StatusCode}: {scaled}");

        // Idle and over its minimum of 1, the pool would shrink at the next pass if the person's change did not hold it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement manual, next;
        while (true)
        {
            var decisions = (await ScalingAsync(host)).GetProperty("decisions").EnumerateArray().Where(d => d.GetProperty("pool").GetString() == "specialist.held").ToList();
            manual = decisions.FirstOrDefault(d => d.TryGetProperty("by", out var by) && by.GetString() == "test-operator");
            next = manual.ValueKind == JsonValueKind.Object
                // A pass that ran while the scaling was still creating members saw the old size and had nothing to do;
                // the one that matters looked at the three members the person asked for.
                ? decisions.FirstOrDefault(d => d.GetProperty("at").GetDateTimeOffset() > manual.GetProperty("at").GetDateTimeOffset()
                    && (!d.TryGetProperty("by", out var by) || by.ValueKind == JsonValueKind.Null)
                    && d.GetProperty("from").GetInt32() == 3)
                : decisions.FirstOrDefault(d => d.GetProperty("action").GetString() == "shrink");
            if (next.ValueKind == JsonValueKind.Object)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "no autoscaling pass looked at the pool after the manual scale within 60 s");
            await Task.Delay(250);
        }

        Assert.True(manual.ValueKind == JsonValueKind.Object, $"the manual scale is not among the scaling decisions; the autoscaler decided: {next}");
        Assert.Equal(("grow", 1, 3), (manual.GetProperty("action").GetString(), manual.GetProperty("from").GetInt32(), manual.GetProperty("to").GetInt32()));
        Assert.Equal("hold", next.GetProperty("action").GetString());
        Assert.Contains("cooling down", next.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, await ActiveMembersAsync(host, "held"));
        foreach (var id in scaled.GetProperty("created").EnumerateArray())
        {
            Assert.False((await TaskPolling.WaitForAgentAsync(host, id.GetString()!)).GetProperty("autoScale").GetBoolean());
        }
    }
}
