using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>The agent entity keeps its concurrency limit when many orchestrations claim it at once.</summary>
public sealed class AgentConcurrencyTests
{
    [Fact]
    public async Task An_agent_never_runs_more_tasks_than_its_max_concurrency_and_holds_no_slot_afterwards()
    {
        const int limit = 2;
        const int tasks = 8;
        await using var host = await LocalHostProcess.StartAsync(
            ("defaultAgent__maxConcurrency", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("providers__simulated__latencyMs", "700"));

        var ids = await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => TaskPolling.SubmitAsync(host, "race " + i)));
        var finished = await Task.WhenAll(ids.Select(id => TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromMinutes(2))));

        Assert.All(finished, t => Assert.Equal("completed", t.GetProperty("status").GetString()));

        // Each task held its slot at least from the claim to the answer, so these intervals can only under-count overlap.
        var held = finished.Select(t => (Start: t.GetProperty("claimedAt").GetDateTimeOffset(), End: t.GetProperty("answeredAt").GetDateTimeOffset())).ToList();
        var mostAtOnce = held.Max(a => held.Count(b => b.Start <= a.Start && a.Start < b.End));
        Assert.Equal(limit, mostAtOnce);

        var agent = await BoardAgents.WaitForAsync(host, "queen-1", a => a.Work.Completed == tasks && a.Holders.Count == 0);
        Assert.NotNull(agent);
        Assert.Equal(tasks, agent.Work.Completed);
        Assert.Empty(agent.Holders);
    }
}
