using System.Net.Http.Json;
using System.Text.Json;
using DurableTask.Core.History;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The loop's promise: kill the host with SIGKILL in the middle of an agent's tool loop, start it again, and the loop
/// resumes where it was. Every turn and every tool call is scheduled once in the task's durable history, and the
/// restarted process asks the model only for the turns that were not yet recorded.
/// </summary>
public sealed class ToolLoopCrashTests
{
    const int ToolRounds = 3;

    [Fact]
    public async Task A_tool_loop_killed_midway_resumes_without_repeating_a_recorded_turn_or_tool_call()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("providers__simulated__profiles__slow-tools__latencyMs", "1500"),
            ("providers__simulated__profiles__slow-tools__toolRounds", ToolRounds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await TaskSubmissions.CreateAgentAsync(host, new
        {
            id = "looper",
            name = "looper",
            type = "specialist",
            role = new { type = "operational", permissions = Array.Empty<string>(), expertise = new[] { "crash-looping" }, priority = 9 },
            provider = new { type = "simulated", model = "slow-tools" },
            maxConcurrency = 1,
            tools = new[] { "memory_put" },
        });
        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Note three findings about durable agent loops.", capabilities = new[] { "crash-looping" } });

        // Killed once two tool rounds are recorded: the third turn's model call (1.5 s) is then under way.
        var before = await TaskSubmissions.WaitForTaskAsync(host, id, t => ToolEvents(t) >= 2, seconds: 60);
        var recordedBeforeKill = ToolEvents(before);
        host.KillHard();
        await host.StartAgainAsync();

        var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromMinutes(3));
        Assert.Equal("completed", task.GetProperty("status").GetString());
        var result = task.GetProperty("result");
        Assert.Equal(ToolRounds + 1, result.GetProperty("turns").GetInt32());
        Assert.Equal(ToolRounds, result.GetProperty("toolCalls").GetInt32());
        Assert.Equal(ToolRounds, ToolEvents(task));

        // History: every turn's model call, and every other activity, scheduled exactly once, and each completed.
        var activities = await DurableHistories.ScheduledActivitiesAsync(host, id);
        var history = await DurableHistories.ReadAsync(host, id);
        Assert.Equal(ToolRounds + 1, activities.Count(a => a == "InvokeAgentActivity"));
        Assert.Equal(ToolRounds, activities.Count(a => a == "RecordToolCallsActivity"));
        Assert.Equal(activities.Count, (await DurableHistories.CompletedActivityIdsAsync(host, id)).Count);
        Assert.Single(history, e => e == EventType.ExecutionStarted);

        // The restarted process asked the model only for turns not recorded before the kill (the turn under way at the
        // kill is asked again, as an activity that did not complete is). Durable Task runs an activity at least once, not
        // exactly once: after a restart a work item can be delivered twice (the history keeps one result, as asserted
        // above), so one call more is allowed. A loop that started over would ask for every turn: ToolRounds + 1 calls,
        // above this bound since at least two rounds were recorded before the kill.
        var calls = await ModelCallsAsync(host, "slow-tools");
        var notRecorded = ToolRounds + 1 - recordedBeforeKill;
        Assert.True(notRecorded + 1 < ToolRounds + 1, $"{recordedBeforeKill} rounds recorded before the kill: too few to tell a resumed loop from a restarted one.");
        Assert.InRange(calls, 1, notRecorded + 1);
    }

    static int ToolEvents(JsonElement task) =>
        task.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "tool");

    static async Task<long> ModelCallsAsync(LocalHostProcess host, string model)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/providers"));
        var providers = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("providers").EnumerateArray();
        var simulated = providers.Single(p => p.GetProperty("type").GetString() == "simulated");
        return simulated.GetProperty("models").EnumerateArray().Where(m => m.GetProperty("model").GetString() == model).Sum(m => m.GetProperty("calls").GetInt64());
    }
}
