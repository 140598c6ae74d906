namespace Swarm.LocalHost.Tests;

/// <summary>The self-healing pass, run by the local host's scheduler exactly as the timer function runs it in Azure.</summary>
public sealed class SelfHealingTests
{
    [Fact]
    public async Task A_task_whose_model_call_hangs_is_ended_visibly_with_the_reason_and_frees_its_agent_slot()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__latencyMs", "600000"),
            ("selfHealing__stalledTaskSeconds", "3"),
            ("SelfHealingSchedule", "*/1 * * * * *"));

        var id = await TaskPolling.SubmitAsync(host, "a call that never returns in time");
        var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));

        Assert.Equal("canceled", task.GetProperty("status").GetString());
        var error = task.GetProperty("error");
        Assert.Equal("Stalled", error.GetProperty("type").GetString());
        Assert.StartsWith("Stalled: the agent made no progress", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var agent = await BoardAgents.WaitForAsync(host, "queen-1", a => a.Work.Failed == 1);
        Assert.Equal(1, agent!.Work.Failed);
        Assert.Empty(agent.Holders);
    }

    [Fact]
    public async Task A_task_that_keeps_making_progress_is_left_alone()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__latencyMs", "2500"),
            ("selfHealing__stalledTaskSeconds", "5"),
            ("SelfHealingSchedule", "*/1 * * * * *"));
        await Task.Delay(TimeSpan.FromSeconds(5));

        var id = await TaskPolling.SubmitAsync(host, "slow but healthy");
        var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", task.GetProperty("status").GetString());
    }
}
