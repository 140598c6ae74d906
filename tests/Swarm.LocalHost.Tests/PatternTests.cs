using System.Text.Json;
using System.Text.Json.Nodes;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Pattern recognition on the running local host over Azurite: finished tasks leave fingerprints in their capability's
/// atlas shard, and a new task recalls similar ones and says in its timeline what they changed.
/// </summary>
public sealed class PatternTests
{
    internal static IEnumerable<string> Timeline(JsonElement task, string kind) =>
        task.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind).Select(e => e.GetProperty("detail").GetString()!);

    /// <summary>Reads a shard once it holds <paramref name="count"/> fingerprints (fingerprints arrive by signal, after the task ends).</summary>
    internal static async Task<JsonArray> FingerprintsAsync(LocalHostProcess host, string capabilityKey, int count)
    {
        var atlas = await Entities.WaitForAsync<JsonObject>(host, "taskatlas", capabilityKey, a => a?["fingerprints"]?.AsArray().Count >= count);
        Assert.True(atlas is not null, $"no atlas shard '{capabilityKey}'");
        var fingerprints = atlas["fingerprints"]!.AsArray();
        Assert.Equal(count, fingerprints.Count);
        return fingerprints;
    }

    [Fact]
    public async Task A_finished_task_leaves_a_fingerprint()
    {
        await using var host = await LocalHostProcess.StartAsync(("providers__simulated__profiles__broken__failureRate", "1"));
        await TaskSubmissions.CreateAgentAsync(host, "sick-1", "specialist", ["care", "doom"], priority: 10, model: "broken");
        await TaskSubmissions.CreateAgentAsync(host, "well-1", "specialist", ["care"], priority: 1);

        var helped = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Summarize the patient's care plan", capabilities = new[] { "care" } });
        var doomed = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Predict the weather of doom", capabilities = new[] { "doom" } });
        Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(host, helped, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        Assert.Equal("failed", (await TaskPolling.WaitUntilFinishedAsync(host, doomed, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());

        var completed = (await FingerprintsAsync(host, "care", 1)).Single()!;
        var failed = (await FingerprintsAsync(host, "doom", 1)).Single()!;

        Assert.Equal(helped, completed["taskId"]!.GetValue<string>());
        Assert.Null(completed["failureType"]);
        Assert.Null(completed["lesson"]);
        // Every attempt is a step: the failing agent first, then the one that answered.
        Assert.Equal(["sick-1:false", "well-1:true"], completed["steps"]!.AsArray().Select(s => $"{s!["agentId"]}:{s["succeeded"]}"));
        Assert.Equal(["care"], completed["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("test-admin", completed["submittedBy"]!.GetValue<string>());
        // The prompt is kept only as hashed term counts.
        Assert.NotEmpty(completed["terms"]!.GetValue<string>());
        Assert.DoesNotContain("patient", completed.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(doomed, failed["taskId"]!.GetValue<string>());
        Assert.Equal("StepFailed", failed["failureType"]!.GetValue<string>());
        Assert.Equal("Similar task failed with strategy single at stage 'answer' on sick-1: StepFailed.", failed["lesson"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auto_timeline_names_the_evidence()
    {
        await using var host = await LocalHostProcess.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = $"Write a SQL query that lists the customers with the most orders, version {i}", strategy = "single" });
            await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
        }

        await FingerprintsAsync(host, "general", 5);
        var auto = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Write a SQL query listing the customers with the most orders" });
        var task = await TaskPolling.WaitUntilFinishedAsync(host, auto, TimeSpan.FromSeconds(60));

        Assert.Equal(["single (auto: one prompt, at most one capability; similar tasks: 5, single 5 of 5)"], Timeline(task, "strategy"));
        var recall = Assert.Single(Timeline(task, "recall"));
        Assert.StartsWith("5 similar tasks (best 0.", recall, StringComparison.Ordinal);
        Assert.EndsWith("; evidence for queen-1 5✓ 0✗", recall, StringComparison.Ordinal);
        // The auto task leaves its own fingerprint, recalled by the next one.
        await FingerprintsAsync(host, "general", 6);
    }

    [Fact]
    public async Task Seat_reasons_carry_similar_task_evidence()
    {
        // The failing agent has the higher priority, so while both warm up it is tried first (unless the exploration
        // floor picks the other), until three failures in a row take it off the board.
        await using var host = await LocalHostProcess.StartAsync(("providers__simulated__profiles__broken__failureRate", "1"));
        await TaskSubmissions.CreateAgentAsync(host, "bad-1", "specialist", ["care"], priority: 10, model: "broken");
        await TaskSubmissions.CreateAgentAsync(host, "good-1", "specialist", ["care"], priority: 1);
        for (var ward = 1; ward <= 3; ward++)
        {
            var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = $"Summarize the care plan for the patients on ward {ward}", capabilities = new[] { "care" } });
            Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        }

        await FingerprintsAsync(host, "care", 3);
        var next = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Summarize the care plan for the patients on ward 4", capabilities = new[] { "care" } });
        var task = await TaskPolling.WaitUntilFinishedAsync(host, next, TimeSpan.FromSeconds(60));

        var recall = Assert.Single(Timeline(task, "recall"));
        Assert.Contains("; evidence for ", recall, StringComparison.Ordinal);
        Assert.Contains("good-1 3✓ 0✗", recall, StringComparison.Ordinal);
        Assert.Matches("bad-1 0✓ [1-3]✗", recall);
        var assigned = Timeline(task, "assigned").Last();
        Assert.StartsWith("answer: good-1 (specialist", assigned, StringComparison.Ordinal);
        Assert.Contains("similar 3✓ 0✗", assigned, StringComparison.Ordinal);
    }
}
