using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Swarm.Providers.Tests.Fakes;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// Task fingerprints with <c>learning:embeddings</c> on, on the real host against the fake vendor's embeddings API and
/// with the built-in model: the prompt is embedded once, the vector is kept in the fingerprint and used by recall and the
/// search route (which then finds a task by meaning alone), and a model that is down leaves the task to words alone.
/// </summary>
public sealed class FingerprintEmbeddingTests
{
    [Fact]
    public async Task Fingerprints_carry_embeddings_when_configured()
    {
        await using var vendor = await FakeVendorServer.StartAsync();
        await using var host = await LocalHostProcess.StartAsync(EmbeddingModel.Settings(new Uri(vendor.BaseUri, "v1/").ToString(), 64));

        var first = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Write a SQL query that lists the customers with the most orders", strategy = "single" });
        Assert.Equal("completed", (await TaskPolling.WaitUntilFinishedAsync(host, first, TimeSpan.FromSeconds(60))).GetProperty("status").GetString());
        var fingerprint = (await PatternTests.FingerprintsAsync(host, "general", 1)).Single()!;
        var second = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Write a SQL query listing the customers with the most orders", strategy = "single" });
        var recalled = await TaskPolling.WaitUntilFinishedAsync(host, second, TimeSpan.FromSeconds(60));
        await PatternTests.FingerprintsAsync(host, "general", 2);
        using var search = await host.Http.SendAsync(host.Request(HttpMethod.Get, "/api/v1/patterns/tasks?q=customers%20with%20the%20most%20orders", role: "operator"));
        var found = await search.Content.ReadFromJsonAsync<JsonElement>();

        var embedding = fingerprint["embedding"]!;
        Assert.Equal("openai:text-embedding-3-small", embedding["model"]!.GetValue<string>());
        Assert.Equal(64, Convert.FromBase64String(embedding["values"]!.GetValue<string>()).Length);
        // One embedding per task (its prompt), asking for the configured length, and one for the search's query.
        var embedded = vendor.Requests.Where(r => r.Path == "/v1/embeddings").Select(r => r.Body).ToList();
        Assert.Equal(3, embedded.Count);
        Assert.All(embedded, b => Assert.Contains("\"dimensions\":64", b, StringComparison.Ordinal));
        Assert.Contains("Write a SQL query that lists the customers", embedded[0], StringComparison.Ordinal);
        Assert.Contains("customers with the most orders", embedded[2], StringComparison.Ordinal);
        // The second task recalled the first by words and meaning, and nothing said its embedding failed.
        Assert.StartsWith("1 similar task (best 0.", Assert.Single(PatternTests.Timeline(recalled, "recall")), StringComparison.Ordinal);
        Assert.Empty(PatternTests.Timeline(recalled, "embedding"));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(2, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_built_in_model_finds_a_finished_task_by_meaning_with_no_word_in_common()
    {
        const string Prompt = "Write a SQL query that lists the customers with the most orders";
        // A meaning-only match scores half its cosine (0.5 × words + 0.5 × meaning), so it must be close to pass the default
        // minimum similarity of 0.25: all-MiniLM-L6-v2 puts this query at 0.60 from the prompt (and the plants at about 0).
        const string Query = "select top clients by number of purchases";
        await using var host = await LocalHostProcess.StartAsync(("learning__embeddings__provider", "minilm"));

        var sql = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = Prompt, strategy = "single" });
        var plants = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Explain photosynthesis in plants", strategy = "single" });
        await TaskPolling.WaitUntilFinishedAsync(host, sql, TimeSpan.FromSeconds(60));
        await TaskPolling.WaitUntilFinishedAsync(host, plants, TimeSpan.FromSeconds(60));
        var fingerprints = await PatternTests.FingerprintsAsync(host, "general", 2);
        using var search = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"/api/v1/patterns/tasks?q={Uri.EscapeDataString(Query)}", role: "operator"));
        var found = await search.Content.ReadFromJsonAsync<JsonElement>();

        // The words alone could not have matched: the query and the prompt share no feature.
        Assert.Empty(Swarm.Domain.Patterns.PromptTerms.From(Query).Terms.Select(t => t.Hash).Intersect(Swarm.Domain.Patterns.PromptTerms.From(Prompt).Terms.Select(t => t.Hash)));
        Assert.All(fingerprints, f =>
        {
            Assert.Equal("minilm:all-MiniLM-L6-v2", f!["embedding"]!["model"]!.GetValue<string>());
            Assert.Equal(256, Convert.FromBase64String(f["embedding"]!["values"]!.GetValue<string>()).Length);
        });
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var hit = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(sql, hit.GetProperty("taskId").GetString());
    }

    [Fact]
    public async Task With_pattern_keys_a_task_of_a_known_kind_is_routed_and_taught_by_its_pattern_and_a_new_kind_starts_one()
    {
        await using var host = await LocalHostProcess.StartAsync(("learning__embeddings__provider", "minilm"), ("learning__algorithm", "ucb"));
        await TaskSubmissions.CreateAgentAsync(host, "carer-1", "specialist", ["care"]);
        await BoardAgents.OnBoardAsync(host, "carer-1");

        async Task<JsonElement> RunAsync(string prompt, int fingerprints)
        {
            var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt, capabilities = new[] { "care" }, strategy = "single" });
            var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
            await PatternTests.FingerprintsAsync(host, "care", fingerprints);
            return task;
        }

        var first = await RunAsync("Water the tomato plants in the greenhouse", 1);
        var second = await RunAsync("Feed the roses and water the seedlings in the garden", 2);
        var other = await RunAsync("Compile the quarterly tax report for the auditors", 3);
        var fingerprints = await PatternTests.FingerprintsAsync(host, "care", 3);
        var atlas = await Entities.WaitForAsync<JsonObject>(host, "taskatlas", "care", a => a?["patterns"]?.AsArray().Count == 2);
        var agent = await TaskPolling.WaitForAgentAsync(host, "carer-1", a => a.GetProperty("learning").GetProperty("skills").TryGetProperty("care~0", out _));

        // The first task met an empty shard and started pattern 0; the second was recognised as one of it, routed by it
        // and joined it; the tax report was like neither, so it started pattern 1 and was routed by no pattern.
        Assert.All(PatternTests.Timeline(first, "recall").Concat(PatternTests.Timeline(other, "recall")), line => Assert.DoesNotContain("; pattern ", line, StringComparison.Ordinal));
        Assert.Contains(PatternTests.Timeline(second, "recall"), line => line.EndsWith("; pattern care~0", StringComparison.Ordinal));
        Assert.Equal([0, 0, 1], fingerprints.Select(f => f!["pattern"]!.GetValue<int>()));
        Assert.Equal([2, 1], atlas!["patterns"]!.AsArray().Select(p => p!["members"]!.GetValue<int>()));
        // Only the step routed by the pattern taught its record; every step taught the capability's.
        var skills = agent.GetProperty("learning").GetProperty("skills");
        Assert.InRange(skills.GetProperty("care~0").GetProperty("evidence").GetDouble(), 0.99, 1.0);
        Assert.InRange(skills.GetProperty("care").GetProperty("evidence").GetDouble(), 2.9, 3.0);
        Assert.False(skills.TryGetProperty("care~1", out _));

        // The submitter's rating of the second task teaches the record that routed it as well as the capability's.
        var secondId = second.GetProperty("id").GetString()!;
        using var rated = await host.Http.SendAsync(host.Request(HttpMethod.Post, $"/api/v1/tasks/{secondId}/feedback", json: """{"rating":1}"""));
        Assert.Equal(HttpStatusCode.Accepted, rated.StatusCode);
        var taught = await TaskPolling.WaitForAgentAsync(host, "carer-1", a => a.GetProperty("learning").GetProperty("trace").EnumerateArray().Count(l => l.GetProperty("kind").GetString() == "feedback") == 2);
        Assert.Equal(
            ["care", "care~0"],
            taught.GetProperty("learning").GetProperty("trace").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "feedback").Select(l => l.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_queens_planning_and_assembling_are_not_routed_or_taught_by_the_tasks_pattern()
    {
        await using var host = await LocalHostProcess.StartAsync(("learning__embeddings__provider", "minilm"));
        var first = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Compare three databases for a startup", strategy = "hierarchical" });
        await TaskPolling.WaitUntilFinishedAsync(host, first, TimeSpan.FromSeconds(90));
        await PatternTests.FingerprintsAsync(host, "general", 1);

        var second = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Compare three message queues for a startup", strategy = "hierarchical" });
        var task = await TaskPolling.WaitUntilFinishedAsync(host, second, TimeSpan.FromSeconds(90));
        var steps = task.GetProperty("steps").EnumerateArray().Select(s => (Stage: s.GetProperty("stage").GetString()!, Agent: s.GetProperty("agentId").GetString()!)).ToList();
        var taught = new List<(string Stage, string Key)>();
        foreach (var agentId in steps.Select(s => s.Agent).Distinct())
        {
            var agent = await TaskPolling.WaitForAgentAsync(host, agentId, a => a.GetProperty("learning").GetProperty("trace").EnumerateArray().Any(l => l.GetProperty("signal").GetString()!.Contains(second, StringComparison.Ordinal)));
            taught.AddRange(agent.GetProperty("learning").GetProperty("trace").EnumerateArray()
                .Select(l => (Signal: l.GetProperty("signal").GetString()!, Key: l.GetProperty("key").GetString()!))
                .Where(l => l.Signal.StartsWith($"release:{second}/", StringComparison.Ordinal))
                .Select(l => (l.Signal[$"release:{second}/".Length..].Split('.')[0], l.Key)));
        }

        // The second task was recognised as the first one's kind: its subtasks, the task's own work, were routed and
        // taught by the pattern as well as the capability; the queen's plan and assembly taught the capability only.
        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Contains(PatternTests.Timeline(task, "recall"), line => line.EndsWith("; pattern general~0", StringComparison.Ordinal));
        Assert.Equal(["general"], taught.Where(t => t.Stage is "plan" or "assemble").Select(t => t.Key).Distinct());
        var subtasks = taught.Where(t => t.Stage.StartsWith("subtask-", StringComparison.Ordinal)).ToList();
        Assert.Equal(steps.Count(s => s.Stage.StartsWith("subtask-", StringComparison.Ordinal)), subtasks.Count(t => t.Key == "general~0"));
        Assert.Equal(subtasks.Count(t => t.Key == "general~0"), subtasks.Count(t => t.Key == "general"));
    }

    [Fact]
    public async Task The_vote_on_a_recognised_consensus_tasks_answers_teaches_its_pattern_too()
    {
        await using var host = await LocalHostProcess.StartAsync(
            ("learning__embeddings__provider", "minilm"),
            ("providers__simulated__profiles__sage__accuracy", "1"),
            ("providers__simulated__profiles__fool__accuracy", "0"));
        string[] voters = ["trial-fool-1", "trial-sage-1", "trial-sage-2"];
        foreach (var id in voters)
        {
            await TaskSubmissions.CreateAgentAsync(host, id, "specialist", ["trial"], model: id.Contains("sage", StringComparison.Ordinal) ? "sage" : "fool");
            await BoardAgents.OnBoardAsync(host, id);
        }

        async Task<(string Proposal, JsonElement Task)> RunAsync(string prompt, int fingerprints)
        {
            var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt, strategy = "consensus", agents = 3, capabilities = new[] { "trial" } });
            var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(90));
            Assert.Equal("completed", task.GetProperty("status").GetString());
            await PatternTests.FingerprintsAsync(host, "trial", fingerprints);
            return ("proposal-" + id["task-".Length..], task);
        }

        var (first, _) = await RunAsync("What is the capital of Australia?", 1);
        var (second, recognised) = await RunAsync("What is the capital city of Australia?", 2);

        // The second task was recognised as the first one's kind, so its answers were routed by the pattern, and the
        // vote on them taught every voter the pattern's record as well as the capability's; the first vote, on a task
        // of no known kind, taught the capability's alone.
        Assert.Contains(PatternTests.Timeline(recognised, "recall"), line => line.EndsWith("; pattern trial~0", StringComparison.Ordinal));
        foreach (var voter in voters)
        {
            var agent = await TaskPolling.WaitForAgentAsync(host, voter, a => a.GetProperty("learning").GetProperty("trace").EnumerateArray().Any(l => l.GetProperty("signal").GetString() == $"vote:{second}:{voter}"));
            var votes = agent.GetProperty("learning").GetProperty("trace").EnumerateArray()
                .Where(l => l.GetProperty("kind").GetString() == "consensus")
                .Select(l => (Signal: l.GetProperty("signal").GetString()!, Key: l.GetProperty("key").GetString()!, Value: l.GetProperty("value").GetDouble()))
                .ToList();
            Assert.Equal(["trial"], votes.Where(v => v.Signal == $"vote:{first}:{voter}").Select(v => v.Key));
            Assert.Equal(["trial", "trial~0"], votes.Where(v => v.Signal == $"vote:{second}:{voter}").Select(v => v.Key).Order(StringComparer.Ordinal));
            // The fool's answer lost: its vote for it teaches 0, the sages' 1.
            Assert.All(votes, v => Assert.Equal(voter.Contains("sage", StringComparison.Ordinal) ? 1.0 : 0.0, v.Value));
        }
    }

    [Fact]
    public async Task A_task_completes_with_a_lexical_fingerprint_when_the_embedding_model_is_down()
    {
        var refusing = Swarm.Tests.FreePorts.Next();
        await using var host = await LocalHostProcess.StartAsync(EmbeddingModel.Settings($"http://127.0.0.1:{refusing}/v1/", null));

        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt = "Write a SQL query that lists the customers with the most orders", strategy = "single" });
        var task = await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
        var fingerprint = (await PatternTests.FingerprintsAsync(host, "general", 1)).Single()!;

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal(["the embedding model failed; similar tasks are found by words alone"], PatternTests.Timeline(task, "embedding"));
        Assert.Null(fingerprint["embedding"]);
        Assert.NotEmpty(fingerprint["terms"]!.GetValue<string>());
    }
}
