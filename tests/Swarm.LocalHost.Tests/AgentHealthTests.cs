using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Self-healing of agents on the running local host: repeated failures take an agent off the board; probation brings it back.</summary>
public sealed class AgentHealthTests
{
    [Fact]
    public async Task An_agent_that_keeps_failing_is_taken_off_the_board_then_reinstated_after_its_probation()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__profiles__broken__failureRate", "1"),
            ("selfHealing__unhealthyProbationSeconds", "600"));
        await TaskSubmissions.CreateAgentAsync(host, "sick-1", "specialist", ["care"], priority: 10, model: "broken");
        await TaskSubmissions.CreateAgentAsync(host, "well-1", "specialist", ["care"], priority: 1);

        var results = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = $"care task {i}", capabilities = new[] { "care" } });
            results.Add(await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60)));
        }

        Assert.All(results, r => Assert.Equal("well-1", r.GetProperty("agentId").GetString()));
        Assert.All(results.Take(3), r => Assert.StartsWith("sick-1: ", r.GetProperty("steps")[0].GetProperty("failedAttempts")[0].GetString(), StringComparison.Ordinal));
        Assert.Equal(0, results[3].GetProperty("steps")[0].GetProperty("failedAttempts").GetArrayLength());
        var sick = await TaskPolling.WaitForAgentAsync(host, "sick-1");
        Assert.Equal("unhealthy", sick.GetProperty("status").GetString());
        Assert.Equal(3, sick.GetProperty("consecutiveFailures").GetInt32());
        Assert.True(sick.GetProperty("reputation").GetProperty("care").GetDouble() < 0.5, sick.ToString());
        var well = await TaskPolling.WaitForAgentAsync(host, "well-1");
        Assert.True(well.GetProperty("reputation").GetProperty("care").GetDouble() > 0.5, well.ToString());
    }

    [Fact]
    public async Task Self_healing_reinstates_an_unhealthy_agent_once_its_probation_is_over()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__profiles__broken__failureRate", "1"),
            ("selfHealing__unhealthyProbationSeconds", "1"),
            ("SelfHealingSchedule", "*/1 * * * * *"));
        await TaskSubmissions.CreateAgentAsync(host, "sick-1", "specialist", ["care"], model: "broken");
        for (var i = 0; i < 3; i++)
        {
            var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = $"care task {i}", capabilities = new[] { "care" } });
            Assert.Equal("failed", (await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        }

        // Three failures made it unhealthy; only the probation can have cleared the streak while keeping the record.
        var healed = await TaskPolling.WaitForAgentAsync(host, "sick-1", a => a.GetProperty("failed").GetInt64() == 3 && a.GetProperty("status").GetString() == "idle");

        Assert.Equal(0, healed.GetProperty("consecutiveFailures").GetInt32());
    }
}
