using Swarm.Domain.Patterns;
using Swarm.Providers.Simulated;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Patterns;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Lessons on the running local host: what a failed or badly rated task teaches reaches the agents of the next similar
/// task, framed as notes, and a person's comment stays with that person's tasks.
/// </summary>
public sealed class LessonTests
{
    const string FirstPrompt = "Summarize the care plan for the patients on ward three";
    const string NextPrompt = "Summarize the care plan for the patients on ward four";

    [Fact]
    public async Task A_failed_task_teaches_the_next_similar_one()
    {
        await using var host = await LocalHostProcess.StartAsync(("providers__simulated__profiles__broken__failureRate", "1"));
        await TaskSubmissions.CreateAgentAsync(host, "sick-1", "specialist", ["care"], model: "broken");
        var failed = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = FirstPrompt, capabilities = new[] { "care" } });
        Assert.Equal("failed", (await TaskPolling.WaitUntilFinishedAsync(host, failed, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        var lesson = (await PatternTests.FingerprintsAsync(host, "care", 1)).Single()!["lesson"]!["text"]!.GetValue<string>();

        await TaskSubmissions.CreateAgentAsync(host, "well-1", "specialist", ["care"], priority: 10);
        var next = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = NextPrompt, capabilities = new[] { "care" } });
        var task = await TaskPolling.WaitUntilFinishedAsync(host, next, TimeSpan.FromSeconds(60));

        Assert.Equal("Similar task failed with strategy single at stage 'answer' on sick-1: StepFailed.", lesson);
        Assert.Equal([$"1 from similar tasks ({failed[..13]}…)"], PatternTests.Timeline(task, "lessons"));
        // The simulated model's answer is a function of what it was sent: the task, then the lesson as a note.
        Assert.Equal("well-1", task.GetProperty("agentId").GetString());
        Assert.Equal(SimulatedChatClient.Answer(new AgentBriefing(NextPrompt, Lessons: [lesson]).Compose()), task.GetProperty("result").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Comment_lessons_stay_with_their_submitter()
    {
        await using var host = await LocalHostProcess.StartAsync();
        await TaskSubmissions.CreateAgentAsync(host, "nurse-1", "specialist", ["care"]);
        var rated = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = FirstPrompt, capabilities = new[] { "care" } });
        await TaskPolling.WaitUntilFinishedAsync(host, rated, TimeSpan.FromSeconds(60));
        await PatternTests.FingerprintsAsync(host, "care", 1);

        // The rating as the feedback route will send it: a signal to the task's shard.
        await EntitySignals.SignalAsync(host, TaskAtlasEntity.EntityName, "care", nameof(TaskAtlasEntity.Rate),
            new TaskRating(rated, new Rating("test-admin", 1, "Use the ward's own template.", DateTimeOffset.UtcNow)));
        await Entities.WaitForAsync<System.Text.Json.Nodes.JsonObject>(host, TaskAtlasEntity.EntityName, "care", a => a?["fingerprints"]?[0]?["lesson"] is not null);
        var own = await SubmitAsAsync(host, "admin");
        var others = await SubmitAsAsync(host, "operator");

        Assert.Equal([$"1 from similar tasks ({rated[..13]}…)"], PatternTests.Timeline(own, "lessons"));
        Assert.Equal(SimulatedChatClient.Answer(new AgentBriefing(NextPrompt, Lessons: ["A person rated a similar task 1/5: Use the ward's own template."]).Compose()),
            own.GetProperty("result").GetProperty("text").GetString());
        Assert.Empty(PatternTests.Timeline(others, "lessons"));
        Assert.Equal(SimulatedChatClient.Answer(NextPrompt), others.GetProperty("result").GetProperty("text").GetString());
    }

    static async Task<System.Text.Json.JsonElement> SubmitAsAsync(LocalHostProcess host, string role)
    {
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/api/v1/tasks", role,
            System.Text.Json.JsonSerializer.Serialize(new { prompt = NextPrompt, capabilities = new[] { "care" } })));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("id").GetString()!;
        return await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
    }
}
