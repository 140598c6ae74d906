using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The spec's use cases in <c>examples/</c>, each a Node script run as a user runs it (SWARM_URL and SWARM_TOKEN, or
/// a token it mints with JWT_SECRET) against the built local host on the simulated provider, with the <c>examples</c>
/// profile as config.json ships it. Each script must exit 0, and the swarm must show that it did what it says: the
/// agents it names worked the steps, their tool calls ran and left what they claim in memory, and the review was
/// decided by a recorded vote. All the scripts share one host, as they share one swarm after <c>./run.sh</c>.
/// </summary>
public sealed partial class ExampleScriptsTests(ExampleScriptsTests.Host host) : IClassFixture<ExampleScriptsTests.Host>
{
    /// <summary>A profile only this test's host has: every model call fails like an overloaded vendor.</summary>
    const string FailingModel = "always-fails";

    static readonly TimeSpan ScriptPatience = TimeSpan.FromSeconds(90);

    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync(
            [
                .. ShippedExamplesProfile(),
                ($"providers__simulated__profiles__{FailingModel}__failureRate", "1"),

                // Blank, whatever the machine running the tests has: a provider the swarm has no key for is what one test needs.
                ("OPENAI_API_KEY", ""),
            ]);
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();

        /// <summary>
        /// The simulated profile the examples use by default, as config.json ships it (the test host reads no
        /// config.json), so the scripts run here as they run after ./run.sh.
        /// </summary>
        static IEnumerable<(string Key, string Value)> ShippedExamplesProfile()
        {
            using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config.json")));
            Assert.True(
                config.RootElement.GetProperty("providers").GetProperty("simulated").GetProperty("profiles").TryGetProperty("examples", out var profile),
                "config.json has no providers.simulated.profiles.examples, the model the examples use by default");
            return [.. profile.EnumerateObject().Select(p => ($"providers__simulated__profiles__examples__{p.Name}", p.Value.ToString()))];
        }
    }

    [Fact]
    public async Task Research_three_researchers_share_findings_in_the_task_memory_between_a_queens_plan_and_assembly()
    {
        var run = await RunAsync("research.mjs");

        var task = await TaskAsync(Assert.Single(run.TaskIds));
        Assert.Equal("hierarchical", task.GetProperty("strategy").GetString());
        Assert.Equal(["plan", "subtask-1", "subtask-2", "subtask-3", "assemble"], TaskSubmissions.Stages(task));
        var agents = StepAgentsByStage(task);
        Assert.Equal("queen-1", agents["plan"]);
        Assert.Equal("queen-1", agents["assemble"]);
        string[] researchers = ["rs-researcher-1", "rs-researcher-2", "rs-researcher-3"];
        Assert.Equal(researchers, agents.Where(a => a.Key.StartsWith("subtask-", StringComparison.Ordinal)).Select(a => a.Value).Order(StringComparer.Ordinal));

        // Each researcher searched the shared memory and put its own findings there: one entry each, written by it.
        foreach (var researcher in researchers)
        {
            Assert.Contains(ToolEvents(task), e => e.Contains($" {researcher} memory_search succeeded", StringComparison.Ordinal));
            Assert.Contains(ToolEvents(task), e => e.Contains($" {researcher} memory_put succeeded", StringComparison.Ordinal));
        }

        var memory = await MemoryAsync(task.GetProperty("id").GetString()!);
        Assert.Equal(researchers.Select(r => "agent:" + r), memory.Select(e => e.UpdatedBy).Order(StringComparer.Ordinal));

        // What the script printed is what the swarm holds, and simulated output says so.
        Assert.Contains("[simulated: no model wrote this]", run.Output, StringComparison.Ordinal);
        foreach (var entry in memory)
        {
            Assert.Contains($"{entry.Key}  by {entry.UpdatedBy}", run.Output, StringComparison.Ordinal);
        }

        foreach (var researcher in researchers)
        {
            Assert.Matches($@"subtask-\d +{researcher} +simulated:examples +2 turns, 2 tool calls", run.Output);
        }
    }

    [Fact]
    public async Task Research_runs_again_on_the_same_swarm_with_the_agents_it_made_and_a_token_it_mints_itself()
    {
        await RunAsync("research.mjs");

        // No SWARM_TOKEN: the script mints one with the development secret, as README's Security section shows.
        var again = await RunAsync("research.mjs", ("SWARM_TOKEN", null), ("JWT_SECRET", LocalHostProcess.Secret));

        Assert.Contains("(token: minted with JWT_SECRET)", again.Output, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(again.Output, @"rs-researcher-\d .* -> exists, unchanged"));
        var task = await TaskAsync(Assert.Single(again.TaskIds));
        Assert.Equal("completed", task.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Writing_pipeline_runs_writer_editor_and_fact_checker_in_order_and_the_fact_checker_asks_another_agent()
    {
        var run = await RunAsync("writing-pipeline.mjs");

        var task = await TaskAsync(Assert.Single(run.TaskIds));
        Assert.Equal("pipeline", task.GetProperty("strategy").GetString());
        Assert.Equal(["1-draft", "2-edit", "3-fact-check"], TaskSubmissions.Stages(task));
        Assert.Equal(["wp-writer", "wp-editor", "wp-fact-checker"], TaskSubmissions.StepAgents(task));

        // The question was a step of its own, through the dispatcher, answered by an agent that then counts as taking part.
        Assert.Contains(ToolEvents(task), e => e.StartsWith("3-fact-check: wp-fact-checker ask succeeded", StringComparison.Ordinal));
        var asked = Timeline(task, "answered").Select(d => AskAnswered().Match(d)).Single(m => m.Success).Groups["agent"].Value;
        Assert.NotEqual("wp-fact-checker", asked);
        Assert.Contains(asked, task.GetProperty("agents").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains($"answered by: {asked}", run.Output, StringComparison.Ordinal);

        // The fact-checker's record (the agent that answered the question may have tools and leave entries of its own).
        Assert.Contains(ToolEvents(task), e => e.StartsWith("3-fact-check: wp-fact-checker memory_put succeeded", StringComparison.Ordinal));
        Assert.Contains(await MemoryAsync(task.GetProperty("id").GetString()!), e => e.UpdatedBy == "agent:wp-fact-checker");
    }

    [Fact]
    public async Task Code_review_has_the_coder_write_and_the_three_reviewers_decide_by_a_recorded_vote()
    {
        var run = await RunAsync("code-review.mjs");

        Assert.Equal(2, run.TaskIds.Count);
        var coding = await TaskAsync(run.TaskIds[0]);
        Assert.Equal(["cr-coder"], TaskSubmissions.StepAgents(coding));
        var review = await TaskAsync(run.TaskIds[1]);
        Assert.Equal("consensus", review.GetProperty("strategy").GetString());
        string[] reviewers = ["cr-reviewer-correctness", "cr-reviewer-security", "cr-reviewer-tests"];
        Assert.Equal(reviewers, TaskSubmissions.StepAgents(review).Order(StringComparer.Ordinal));

        // The review task was given the coder's code.
        Assert.Contains(coding.GetProperty("result").GetProperty("text").GetString()!, review.GetProperty("prompt").GetString(), StringComparison.Ordinal);

        // Each reviewer had its own checklist recalled from its own namespace, and recorded a verdict in the task's memory.
        foreach (var reviewer in reviewers)
        {
            Assert.Contains(Timeline(review, "recalled"), d => d.EndsWith($"{reviewer} recalled {reviewer}/checklist", StringComparison.Ordinal));
            Assert.Contains(ToolEvents(review), e => e.Contains($" {reviewer} memory_get succeeded", StringComparison.Ordinal));
        }

        var verdicts = await MemoryAsync(review.GetProperty("id").GetString()!);
        Assert.Equal(reviewers.Select(r => "agent:" + r), verdicts.Select(e => e.UpdatedBy).Order(StringComparer.Ordinal));

        // The vote: a decided proposal among the three reviewers, whose winner is the task's result.
        var proposalId = "proposal-" + review.GetProperty("id").GetString()!["task-".Length..];
        var proposal = await GetJsonAsync($"/api/v1/consensus/proposals/{proposalId}");
        Assert.Equal("decided", proposal.GetProperty("status").GetString());
        Assert.Equal(reviewers, proposal.GetProperty("voters").EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(3, proposal.GetProperty("rounds")[0].GetProperty("ballots").EnumerateArray().Count(b => b.GetProperty("source").GetString() == "model"));
        Assert.Equal(review.GetProperty("result").GetProperty("text").GetString(), proposal.GetProperty("winner").GetString());
        Assert.Contains($"The vote ({proposalId}, simpleMajority, ties broken by a queen): decided", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_analysis_cleans_analyses_and_reports_a_dataset_the_script_put_in_a_team_namespace()
    {
        var run = await RunAsync("data-analysis.mjs");

        var dataset = await GetJsonAsync("/api/v1/memory/da-datasets/orders-2026-q1");
        Assert.Equal("test-admin", dataset.GetProperty("updatedBy").GetString());
        Assert.StartsWith("order_id,date,region,product,units,unit_price\n", dataset.GetProperty("value").GetString(), StringComparison.Ordinal);

        var task = await TaskAsync(Assert.Single(run.TaskIds));
        Assert.Equal(["1-clean", "2-analyse", "3-report"], TaskSubmissions.Stages(task));
        Assert.Equal(["da-cleaner", "da-analyst", "da-reporter"], TaskSubmissions.StepAgents(task));

        // The grant memory:da-datasets:read brought the dataset to the cleaner and the analyst; the reporter has none.
        Assert.Contains("1-clean: da-cleaner recalled da-datasets/orders-2026-q1", Timeline(task, "recalled"));
        Assert.Contains(Timeline(task, "recalled"), d => d.StartsWith("2-analyse: da-analyst recalled da-datasets/orders-2026-q1", StringComparison.Ordinal));
        Assert.DoesNotContain(Timeline(task, "recalled"), d => d.Contains("da-reporter", StringComparison.Ordinal));
        Assert.Contains(ToolEvents(task), e => e.StartsWith("1-clean: da-cleaner memory_put succeeded", StringComparison.Ordinal));
        Assert.Contains(ToolEvents(task), e => e.StartsWith("2-analyse: da-analyst memory_search succeeded", StringComparison.Ordinal));
        var report = task.GetProperty("steps")[2].GetProperty("answer");
        Assert.Equal(1, report.GetProperty("turns").GetInt32());
        Assert.Equal(0, report.GetProperty("toolCalls").GetInt32());

        // The cleaner left the cleaned data in the task's memory, where the analyst's search found it.
        var memory = await MemoryAsync(task.GetProperty("id").GetString()!);
        var cleaned = Assert.Single(memory);
        Assert.Equal("agent:da-cleaner", cleaned.UpdatedBy);
        Assert.Contains(ToolEvents(task), e => e.StartsWith("2-analyse: da-analyst memory_search", StringComparison.Ordinal) && e.Contains($"→ {cleaned.Key}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_that_fails_ends_the_script_with_its_reason_and_the_next_run_puts_the_agents_back_on_the_default_model()
    {
        var failed = await RunAsync("data-analysis.mjs", expectedExitCode: 1, ("SWARM_MODEL", FailingModel));

        var error = ErrorLine().Match(failed.Errors);
        Assert.True(error.Success, $"no 'error: Task ... failed' line in:{Environment.NewLine}{failed.Errors}");
        Assert.Contains("StepFailed", error.Value, StringComparison.Ordinal);
        Assert.Contains("simulated overload", error.Value, StringComparison.Ordinal);
        var task = await TaskAsync(Assert.Single(failed.TaskIds));
        Assert.Equal("failed", task.GetProperty("status").GetString());
        Assert.Equal(error.Groups["id"].Value, task.GetProperty("id").GetString());

        var again = await RunAsync("data-analysis.mjs");

        Assert.Equal(3, Regex.Count(again.Output, $@"-> replaced \(model simulated:{FailingModel} -> simulated:examples\)"));
        var agent = await GetJsonAsync("/api/v1/agents/da-cleaner");
        Assert.Equal("examples", agent.GetProperty("provider").GetProperty("model").GetString());
        Assert.Equal("completed", (await TaskAsync(Assert.Single(again.TaskIds))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_provider_the_swarm_has_no_key_for_stops_the_script_before_it_touches_any_agent()
    {
        await RunAsync("writing-pipeline.mjs");

        var refused = await RunAsync("writing-pipeline.mjs", expectedExitCode: 1, ("SWARM_PROVIDER", "openai"));

        Assert.Contains("error: The swarm cannot use provider 'openai'", refused.Errors, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY", refused.Errors, StringComparison.Ordinal);
        Assert.Empty(refused.TaskIds);
        var writer = await GetJsonAsync("/api/v1/agents/wp-writer");
        Assert.Equal("simulated", writer.GetProperty("provider").GetProperty("type").GetString());
        Assert.NotEqual("retired", writer.GetProperty("status").GetString());
    }

    sealed record ScriptRun(string Output, string Errors, IReadOnlyList<string> TaskIds);

    sealed record MemoryEntry(string Key, string UpdatedBy);

    /// <summary>
    /// Runs an example as a user would, after ./run.sh: node, from the repository root, with SWARM_URL and SWARM_TOKEN
    /// (an admin token) and no other SWARM_ settings unless given (a null value removes one).
    /// </summary>
    async Task<ScriptRun> RunAsync(string script, params (string Key, string? Value)[] environment) =>
        await RunAsync(script, expectedExitCode: 0, environment);

    async Task<ScriptRun> RunAsync(string script, int expectedExitCode, params (string Key, string? Value)[] environment)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine("examples", script) },
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SWARM_", StringComparison.Ordinal) || k == "JWT_SECRET").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["SWARM_URL"] = $"http://127.0.0.1:{Swarm.HttpPort}";
        start.Environment["SWARM_TOKEN"] = Swarm.Token("admin");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(ScriptPatience);
        try
        {
            await node.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within {ScriptPatience.TotalSeconds:0} s:{Environment.NewLine}{await output}{await errors}");
        }

        var run = new ScriptRun(await output, await errors, [.. Submitted().Matches(await output).Select(m => m.Groups["id"].Value)]);
        Assert.True(
            node.ExitCode == expectedExitCode,
            $"{script} exited with {node.ExitCode}, expected {expectedExitCode}:{Environment.NewLine}{run.Output}{Environment.NewLine}{run.Errors}");
        return run;
    }

    async Task<JsonElement> TaskAsync(string id)
    {
        var task = await TaskPolling.GetAsync(Swarm, id);
        Assert.True(task.GetProperty("status").GetString() is "completed" or "failed", $"task {id} has not finished: {task}");
        return task;
    }

    async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, path));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task<List<MemoryEntry>> MemoryAsync(string memoryNamespace)
    {
        var listing = await GetJsonAsync($"/api/v1/memory/{memoryNamespace}");
        return [.. listing.GetProperty("keys").EnumerateArray().Select(k => new MemoryEntry(k.GetProperty("key").GetString()!, k.GetProperty("updatedBy").GetString()!))];
    }

    static Dictionary<string, string> StepAgentsByStage(JsonElement task) =>
        task.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("agentId").GetString()!);

    static List<string> Timeline(JsonElement task, string kind) =>
        [.. task.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind).Select(e => e.GetProperty("detail").GetString()!)];

    static List<string> ToolEvents(JsonElement task) => Timeline(task, "tool");

    [GeneratedRegex(@"Task (?<id>task-[0-9a-f]+) submitted")]
    private static partial Regex Submitted();

    [GeneratedRegex(@"^3-fact-check\.[^:]*\.ask[^:]*: (?<agent>[A-Za-z0-9._-]+) \(")]
    private static partial Regex AskAnswered();

    [GeneratedRegex(@"error: Task (?<id>task-[0-9a-f]+) failed after [\d.]+ s: .*")]
    private static partial Regex ErrorLine();
}
