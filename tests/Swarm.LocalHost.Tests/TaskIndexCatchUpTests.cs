using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using static Swarm.LocalHost.Tests.TaskListPages;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The orchestration is the truth: a task that ended without its end reaching the task index (here terminated directly
/// on the durable runtime, past every route that would record it) is caught up by the self-healing pass, which finds
/// its row still open once its grace has passed, reads the orchestration and records the end.
/// </summary>
public sealed class TaskIndexCatchUpTests
{
    [Fact]
    public async Task A_task_ended_behind_the_swarms_back_is_listed_as_ended_after_the_self_healing_pass()
    {
        await using var swarm = await LocalHostProcess.StartAsync(("SelfHealingSchedule", "*/2 * * * * *"), ("selfHealing__graceSeconds", "5"));
        var (_, accepted) = await TaskSubmissions.SubmitAsync(swarm, new { prompt = "Ended behind our back", requiresApproval = true });
        var id = accepted.GetProperty("id").GetString()!;
        await ListUntilAsync(swarm, page => StatusOf(page, id) == "awaitingApproval", TimeSpan.FromSeconds(30));

        await swarm.DurableClient().TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "ended without the swarm's routes" });
        var stillOpen = await ListAsync(swarm);
        // The row waits its grace (5 s here, a minute by default) for a write that may be on its way, then a pass (every 2 s
        // here) reads the orchestration.
        var caughtUp = await ListUntilAsync(swarm, page => StatusOf(page, id) == "canceled", TimeSpan.FromSeconds(120));

        Assert.Equal("awaitingApproval", StatusOf(stillOpen, id));
        Assert.Equal("Canceled", Item(caughtUp, id)!.Value.GetProperty("error").GetString());
        Assert.Empty(caughtUp.GetProperty("queue").GetProperty("byStatus").EnumerateObject());
    }

    static async Task<JsonElement> ListAsync(LocalHostProcess swarm)
    {
        using var response = await swarm.Http.SendAsync(swarm.Request(HttpMethod.Get, "/api/v1/tasks?pageSize=200"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    static async Task<JsonElement> ListUntilAsync(LocalHostProcess swarm, Func<JsonElement, bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var page = await ListAsync(swarm);
            if (condition(page))
            {
                return page;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the listing never showed what was expected within {patience}: {page}");
            await Task.Delay(500);
        }
    }
}
