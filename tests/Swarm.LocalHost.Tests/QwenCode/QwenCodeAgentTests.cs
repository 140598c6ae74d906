using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Swarm.Providers.Tests.Fakes;

namespace Swarm.LocalHost.Tests.QwenCode;

/// <summary>
/// Qwen Code as the swarm's agents: three bridges (<c>agents/qwen-code</c>), each running the real Qwen Code CLI
/// (<c>@qwen-code/qwen-code</c>, headless with JSON output) against a local server that speaks OpenAI's chat-completions
/// wire format, connected to the local host's real-time channel with the vendor's Web PubSub client library as external
/// agents. The model server's answers are chosen by what Qwen Code sends, since three agents call it at once.
/// </summary>
public sealed partial class QwenCodeAgentTests(QwenCodeAgentTests.Swarm swarm) : IClassFixture<QwenCodeAgentTests.Swarm>
{
    const string Capability = "qwen-code";
    const string PlainAnswer = "Qwen Code says: six times seven is 42.";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    public sealed class Swarm : IAsyncLifetime
    {
        int variants;

        public FakeVendorServer Model { get; private set; } = null!;

        public LocalHostProcess Host { get; private set; } = null!;

        public string Folder { get; } = Directory.CreateTempSubdirectory("qwen-agents-").FullName;

        public string Workspace => Path.Combine(Folder, "workspace");

        public IReadOnlyList<QwenAgentProcess> Agents { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Model = await FakeVendorServer.StartAsync();
            Model.Rule = Answer;
            Host = await LocalHostProcess.StartAsync();
            var agents = new List<QwenAgentProcess>();
            foreach (var id in new[] { "qwen-1", "qwen-2", "qwen-3" })
            {
                await TaskSubmissions.CreateExternalAgentAsync(Host, id, [Capability], seats: 1);
                agents.Add(StartBridge((await TestAgents.IssueKeyAsync(Host, id)).GetProperty("apiKey").GetString()!));
            }

            Agents = agents;
            foreach (var agent in Agents)
            {
                await agent.WaitForAsync("connected");
            }
        }

        public QwenAgentProcess StartBridge(string apiKey, params string[] arguments) =>
            QwenAgentProcess.Start(
                new Dictionary<string, string>
                {
                    ["SWARM_URL"] = Host.Http.BaseAddress!.ToString(),
                    ["SWARM_API_KEY"] = apiKey,
                    ["OPENAI_BASE_URL"] = new Uri(Model.BaseUri, "v1").ToString(),
                    ["OPENAI_API_KEY"] = "sk-qwen-bridge-test-0123456789abcdef",
                    ["QWEN_AGENT_MODEL"] = "qwen3-coder-fake",
                    ["QWEN_AGENT_WORKSPACE"] = Workspace,
                    ["QWEN_AGENT_HEARTBEAT_SECONDS"] = "2",
                    ["HOME"] = Path.Combine(Folder, "home"),
                    // Every event the bridge receives goes in its log too, for a failing test's message.
                    ["QWEN_AGENT_DEBUG"] = "1",
                },
                arguments);

        /// <summary>The model's answer to one chat-completions request, from what Qwen Code sent.</summary>
        FakeReply? Answer(JsonElement request)
        {
            var conversation = Conversation(request);
            if (DeclaresTool(request, "structured_output"))
            {
                // A ballot: always the first option, so the round decides.
                return FakeReply.ToolCalls([new("vote-1", "structured_output", """{"option": 1, "confidence": 0.8, "rationale": "The first answer shows its working."}""")]);
            }

            if (conversation.Contains(HangMarker, StringComparison.Ordinal))
            {
                return FakeReply.Hang();
            }

            if (conversation.Contains(FailMarker, StringComparison.Ordinal))
            {
                return FakeReply.Status(400, message: "This model does not take such prompts.");
            }

            if (conversation.Contains(EditMarker, StringComparison.Ordinal))
            {
                if (request.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("role").GetString() == "tool"))
                {
                    return FakeReply.Text("Wrote notes.md.");
                }

                var folder = WorkingFolder().Match(conversation).Groups[1].Value;
                var edit = JsonSerializer.Serialize(new { file_path = Path.Combine(folder, "notes.md"), old_string = "", new_string = "# Notes\nWritten by Qwen Code for the swarm.\n" });
                return FakeReply.ToolCalls([new("edit-1", "edit", edit)]);
            }

            if (conversation.Contains(VoteMarker, StringComparison.Ordinal))
            {
                return FakeReply.Text($"Plan {Interlocked.Increment(ref variants)}: build it in three steps.");
            }

            return FakeReply.Text(PlainAnswer, inputTokens: 13, outputTokens: 5);
        }

        public async Task DisposeAsync()
        {
            foreach (var agent in Agents)
            {
                await agent.DisposeAsync();
            }

            await Host.DisposeAsync();
            await Model.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }

    const string HangMarker = "[hang]";
    const string FailMarker = "[refuse]";
    const string EditMarker = "[write notes]";
    const string VoteMarker = "[vote on it]";

    [GeneratedRegex(@"I'm currently working in the directory: ([^\n\\]+)")]
    private static partial Regex WorkingFolder();

    static string Conversation(JsonElement request)
    {
        var text = new StringBuilder();
        foreach (var message in request.GetProperty("messages").EnumerateArray())
        {
            if (message.TryGetProperty("content", out var content))
            {
                text.AppendLine(content.ValueKind == JsonValueKind.String ? content.GetString() : content.GetRawText());
            }
        }

        return text.ToString();
    }

    static bool DeclaresTool(JsonElement request, string name) =>
        request.TryGetProperty("tools", out var tools) && tools.EnumerateArray().Any(t => t.GetProperty("function").GetProperty("name").GetString() == name);

    async Task<JsonElement> RunAsync(object body)
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(swarm.Host, body);
        return await TaskPolling.WaitUntilFinishedAsync(swarm.Host, id, Patience);
    }

    string BridgeLogs => string.Join(Environment.NewLine + "----" + Environment.NewLine, swarm.Agents.Select(a => a.Log));

    [Fact]
    public async Task A_step_is_done_by_Qwen_Code_and_its_answer_and_token_usage_reach_the_task()
    {
        var task = await RunAsync(new { prompt = "What is six times seven?", capabilities = new[] { Capability }, strategy = "single" });

        Assert.True(task.GetProperty("status").GetString() == "completed", $"{task}\n{BridgeLogs}");
        var result = task.GetProperty("result");
        Assert.Equal(PlainAnswer, result.GetProperty("text").GetString());
        Assert.Equal("qwen3-coder-fake", result.GetProperty("model").GetString());
        // What Qwen Code counted over its whole run (the one model call here), as it reported it.
        Assert.Equal(13, result.GetProperty("inputTokens").GetInt64());
        Assert.Equal(5, result.GetProperty("outputTokens").GetInt64());
        Assert.StartsWith("qwen-", task.GetProperty("agentId").GetString(), StringComparison.Ordinal);
        var call = swarm.Model.Requests.Select(r => r.Body).Last(b => b.Contains("What is six times seven?", StringComparison.Ordinal));
        Assert.Contains("Qwen Code", call, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qwen_Code_edits_files_in_a_working_folder_of_the_step_s_own()
    {
        var task = await RunAsync(new { prompt = $"Start the project's notes. {EditMarker}", capabilities = new[] { Capability }, strategy = "single" });

        Assert.True(task.GetProperty("status").GetString() == "completed", $"{task}\n{BridgeLogs}");
        Assert.Equal("Wrote notes.md.", task.GetProperty("result").GetProperty("text").GetString());
        var agent = task.GetProperty("agentId").GetString()!;
        var taskFolder = Path.Combine(swarm.Workspace, agent, task.GetProperty("id").GetString()!);
        var notes = Assert.Single(Directory.GetFiles(taskFolder, "notes.md", SearchOption.AllDirectories));
        Assert.Equal("# Notes\nWritten by Qwen Code for the swarm.\n", await File.ReadAllTextAsync(notes));
        // The step's own folder, one level below the task's: nothing was written anywhere else in the workspace.
        Assert.Equal(taskFolder, Path.GetDirectoryName(Path.GetDirectoryName(notes)));
    }

    [Fact]
    public async Task A_swarm_of_Qwen_Code_agents_answers_and_votes_on_each_other_s_work()
    {
        var task = await RunAsync(new { prompt = $"Plan the release. {VoteMarker}", capabilities = new[] { Capability }, strategy = "consensus", agents = 3 });

        Assert.True(task.GetProperty("status").GetString() == "completed", $"{task}\n{BridgeLogs}");
        var proposalId = "proposal-" + task.GetProperty("id").GetString()!["task-".Length..];
        using var response = await swarm.Host.Http.SendAsync(swarm.Host.Request(HttpMethod.Get, $"/api/v1/consensus/proposals/{proposalId}"));
        var proposal = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, proposal.ToString());
        Assert.Equal("decided", proposal.GetProperty("status").GetString());
        var options = proposal.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Equal(3, options.Count);
        Assert.Equal(options[0], task.GetProperty("result").GetProperty("text").GetString());
        // Every Qwen Code agent's ballot is on record, for the first option, with Qwen Code's rationale.
        var ballots = proposal.GetProperty("rounds")[0].GetProperty("ballots").EnumerateArray().ToList();
        Assert.Equal(["qwen-1", "qwen-2", "qwen-3"], ballots.Select(b => b.GetProperty("voterId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(ballots, b => Assert.Equal(options[0], b.GetProperty("choice").GetString()));
        Assert.All(ballots, b => Assert.Equal("The first answer shows its working.", b.GetProperty("rationale").GetString()));
    }

    [Fact]
    public async Task When_Qwen_Code_fails_the_step_fails_over_at_once_and_the_task_says_why()
    {
        var started = DateTime.UtcNow;
        var task = await RunAsync(new { prompt = $"Do what you may not. {FailMarker}", capabilities = new[] { Capability }, strategy = "single" });

        Assert.True(task.GetProperty("status").GetString() == "failed", $"{task}\n{BridgeLogs}");
        var message = task.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("ExternalFailed", message, StringComparison.Ordinal);
        Assert.Contains("could not do step", message, StringComparison.Ordinal);
        Assert.Contains("Qwen Code", message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-qwen-bridge-test", message, StringComparison.Ordinal);
        // Every agent reported its failure rather than the step waiting out the agent's time limit (minutes).
        Assert.True(task.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "attempt-failed") >= 2, task.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task A_canceled_task_stops_the_Qwen_Code_run_working_on_it()
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(swarm.Host, new { prompt = $"Think forever. {HangMarker}", capabilities = new[] { Capability }, strategy = "single" });
        var started = await Task.WhenAny(swarm.Agents.Select(a => a.WaitForAsync("step_started", e => e.GetProperty("taskId").GetString() == id, Patience).ContinueWith(_ => a, TaskScheduler.Default)));
        var bridge = await started;
        await WaitUntilAsync(() => swarm.Model.Requests.Any(r => r.Body.Contains(HangMarker, StringComparison.Ordinal)), "Qwen Code's call to the model");

        using var cancel = await swarm.Host.Http.SendAsync(swarm.Host.Request(HttpMethod.Post, $"/api/v1/tasks/{id}/cancel"));

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var stopped = await bridge.WaitForAsync("step_stopped", e => e.GetProperty("taskId").GetString() == id);
        Assert.Equal("canceled", stopped.GetProperty("why").GetString());
        Assert.Equal("canceled", (await TaskPolling.WaitUntilFinishedAsync(swarm.Host, id, Patience)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bridge_whose_key_the_swarm_refuses_stops_and_says_so_without_printing_the_key()
    {
        await using var bridge = swarm.StartBridge("swarm_not-a-real-key-0123456789");

        Assert.True(await bridge.WaitForExitAsync(TimeSpan.FromSeconds(60)), bridge.Log);
        Assert.Equal(3, bridge.ExitCode);
        Assert.Contains("refused the agent's key", bridge.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-key", bridge.Log, StringComparison.Ordinal);
    }

    static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
