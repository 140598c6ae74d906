namespace Swarm.LocalHost.Tests;

/// <summary>Every accepted task finishes or fails visibly, with the reason.</summary>
public sealed class TaskFailureTests
{
    [Fact]
    public async Task A_task_that_gets_no_agent_slot_within_its_wait_limit_fails_saying_so()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("defaultAgent__maxConcurrency", "1"),
            ("providers__simulated__latencyMs", "8000"),
            ("api__taskSlotWaitSeconds", "2"));

        await TaskPolling.WaitForAgentAsync(host, "queen-1");
        var holder = await TaskPolling.SubmitAsync(host, "holds the only slot");
        await TaskPolling.WaitForAgentAsync(host, "queen-1", q => q.GetProperty("load").GetInt32() == 1);
        var waiter = await TaskPolling.SubmitAsync(host, "finds the agent busy");
        var task = await TaskPolling.WaitUntilFinishedAsync(host, waiter, TimeSpan.FromSeconds(60));

        Assert.Equal("failed", task.GetProperty("status").GetString());
        Assert.Equal("AgentSlotUnavailableException", task.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(host, holder, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
    }
}
