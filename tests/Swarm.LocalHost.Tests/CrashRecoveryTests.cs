using DurableTask.Core.History;
using Swarm.Providers.Simulated;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The promise of the foundation: kill the swarm with SIGKILL while tasks are in flight, start it again, and every
/// accepted task completes exactly once.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Tasks_in_flight_when_the_host_is_killed_all_complete_once_after_a_restart()
    {
        const int tasks = 9;
        await using var host = await LocalHostProcess.StartAsync(
            ("defaultAgent__maxConcurrency", "3"),
            ("providers__simulated__latencyMs", "1500"));
        var prompts = Enumerable.Range(0, tasks).Select(i => $"crash test prompt {i}").ToList();
        var ids = new List<string>();
        foreach (var prompt in prompts)
        {
            ids.Add(await TaskPolling.SubmitAsync(host, prompt));
        }

        await TaskPolling.WaitUntilAnyIsRunningAsync(host, ids);
        host.KillHard();
        Assert.True(host.HasExited);

        await host.StartAgainAsync();
        var finished = new List<System.Text.Json.JsonElement>();
        foreach (var id in ids)
        {
            finished.Add(await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromMinutes(3)));
        }

        for (var i = 0; i < tasks; i++)
        {
            Assert.Equal("completed", finished[i].GetProperty("status").GetString());
            Assert.Equal(SimulatedChatClient.Answer(prompts[i]), finished[i].GetProperty("result").GetProperty("text").GetString());
        }

        foreach (var id in ids)
        {
            var history = await DurableHistories.ReadAsync(host, id);
            var activities = await DurableHistories.ScheduledActivitiesAsync(host, id);
            Assert.Single(history, e => e == EventType.ExecutionStarted);
            Assert.Single(activities, name => name == "InvokeAgentActivity");
            Assert.Equal(activities.Count, (await DurableHistories.CompletedActivityIdsAsync(host, id)).Count);
            Assert.Single(history, e => e == EventType.ExecutionCompleted);
        }

        // Seat requests and releases are idempotent per step, so replays after the crash counted nothing twice and leaked no seat.
        var agent = await BoardAgents.WaitForAsync(host, "queen-1", a => a.Work.Completed == tasks && a.Holders.Count == 0);
        Assert.NotNull(agent);
        Assert.Equal(tasks, agent.Work.Completed);
        Assert.Equal(0, agent.Work.Failed);
        Assert.Empty(agent.Holders);
    }
}
