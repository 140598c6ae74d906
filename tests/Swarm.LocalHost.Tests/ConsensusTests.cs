using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Swarm.Domain.Learning;
using Swarm.Providers.Simulated;

namespace Swarm.LocalHost.Tests;

/// <summary>Durable consensus rounds on the running local host: model ballots, external ballots, deadlines, restarts, the audit trail and the consensus task strategy.</summary>
public sealed class ConsensusTests(ConsensusTests.Host host) : IClassFixture<ConsensusTests.Host>
{
    static readonly string[] Options = ["Postgres", "SQLite", "Cosmos DB"];

    LocalHostProcess Swarm => host.Process;

    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync(
                ("providers__simulated__profiles__sage__accuracy", "1"),
                ("providers__simulated__profiles__fool__accuracy", "0"));
            await TaskPolling.WaitForAgentAsync(Process, "queen-1");
            foreach (var id in new[] { "sage-1", "sage-2", "sage-3" })
            {
                await TaskSubmissions.CreateAgentAsync(Process, id, "specialist", ["wisdom"], model: "sage");
            }

            await TaskSubmissions.CreateAgentAsync(Process, "fool-1", "specialist", ["folly"], model: "fool");
            await TaskSubmissions.CreateAgentAsync(Process, "trial-sage-1", "specialist", ["trial"], model: "sage");
            await TaskSubmissions.CreateAgentAsync(Process, "trial-sage-2", "specialist", ["trial"], model: "sage");
            await TaskSubmissions.CreateAgentAsync(Process, "trial-fool-1", "specialist", ["trial"], model: "fool");
            await TaskSubmissions.CreateExternalAgentAsync(Process, "ext-voter", ["voting"], seats: 1);
            await TaskSubmissions.CreateAgentAsync(Process, "judge-sage-1", "specialist", ["judging"], model: "sage");
            await TaskSubmissions.CreateAgentAsync(Process, "judge-sage-2", "specialist", ["judging"], model: "sage");
            await TaskSubmissions.CreateAgentAsync(Process, "judge-fool-1", "specialist", ["judging"], model: "fool");
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    async Task<string> ProposeAsync(object body)
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/consensus/proposal", role: "operator", json: JsonSerializer.Serialize(body)));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    async Task<JsonElement> ProposalAsync(string id)
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/consensus/proposals/" + id, role: "operator"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task<JsonElement> WaitForProposalAsync(string id, Func<JsonElement, bool> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var proposal = await ProposalAsync(id);
            if (condition(proposal))
            {
                return proposal;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Proposal {id} did not reach the expected state within {seconds} s: {proposal}");
            await Task.Delay(200);
        }
    }

    static bool Finished(JsonElement p) => p.GetProperty("status").GetString() is "decided" or "undecided" or "failed";

    async Task<HttpStatusCode> VoteAsync(string proposalId, string apiKey, object vote)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consensus/proposals/{proposalId}/votes")
        {
            Content = new StringContent(JsonSerializer.Serialize(vote), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        using var response = await Swarm.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Agents_with_a_capability_decide_by_simple_majority_and_every_ballot_is_recorded_and_audited()
    {
        const string question = "Which database should the pilot use?";
        var id = await ProposeAsync(new { question, options = Options, algorithm = "simpleMajority", participants = new { capability = "wisdom", count = 3 }, deadlineSeconds = 60 });

        var proposal = await WaitForProposalAsync(id, Finished);

        Assert.Equal("decided", proposal.GetProperty("status").GetString());
        Assert.Equal(SimulatedChatClient.RightChoice(question, Options), proposal.GetProperty("winner").GetString());
        Assert.StartsWith("threshold met: 3 of 3", proposal.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var ballots = proposal.GetProperty("rounds")[0].GetProperty("ballots").EnumerateArray().ToList();
        Assert.Equal(["sage-1", "sage-2", "sage-3"], ballots.Select(b => b.GetProperty("voterId").GetString()).Order());
        Assert.All(ballots, b => Assert.StartsWith(SimulatedChatClient.Label, b.GetProperty("rationale").GetString(), StringComparison.Ordinal));

        using var audit = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/audit?action=ConsensusBallot&pageSize=200", role: "admin"));
        var records = (await audit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("resource").GetString()!.StartsWith($"consensus/{id}/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, records.Count);
    }

    [Fact]
    public async Task Voters_who_chose_the_winner_gain_skill()
    {
        var id = await ProposeAsync(new { question = "Which index fits the query?", options = Options, participants = new { agents = new[] { "judge-sage-1", "judge-sage-2", "judge-fool-1" } }, capability = "judging", maxRounds = 1 });

        var proposal = await WaitForProposalAsync(id, Finished);
        var fool = await BoardAgents.WaitForAsync(Swarm, "judge-fool-1", a => a.SkillTrace?.Any(u => u.SignalId == $"vote:{id}:judge-fool-1") == true);
        var sage = await BoardAgents.WaitForAsync(Swarm, "judge-sage-1", a => a.SkillTrace?.Any(u => u.SignalId == $"vote:{id}:judge-sage-1") == true);

        Assert.Equal("decided", proposal.GetProperty("status").GetString());
        Assert.Equal(SimulatedChatClient.RightChoice("Which index fits the query?", Options), proposal.GetProperty("winner").GetString());
        // A consensus signal weighs half a step's outcome: the sage chose the winner, the fool did not.
        Assert.Equal((0.5, 0.0), (sage!.SkillOf("judging").Successes, sage.SkillOf("judging").Failures));
        Assert.Equal((0.0, 0.5), (fool!.SkillOf("judging").Successes, fool.SkillOf("judging").Failures));
        var line = fool.SkillTrace!.Single(u => u.SignalId == $"vote:{id}:judge-fool-1");
        Assert.Equal((SkillKind.Consensus, "judging", 0.0, 0.5), (line.Kind, line.Key, line.Value, line.Weight));
        Assert.True(sage.Reputation["judging"] > 0.5 && fool.Reputation["judging"] < 0.5);
    }

    [Fact]
    public async Task Unanimity_fails_on_a_single_dissent_and_says_who()
    {
        var id = await ProposeAsync(new { question = "Ship on Friday?", options = new[] { "yes", "no" }, algorithm = "unanimous", participants = new { agents = new[] { "sage-1", "sage-2", "fool-1" } }, maxRounds = 1 });

        var proposal = await WaitForProposalAsync(id, Finished);

        Assert.Equal("undecided", proposal.GetProperty("status").GetString());
        Assert.Contains("fool-1", proposal.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("unanimity failed", proposal.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_ballot_posted_after_a_host_restart_mid_round_counts_with_the_ballots_cast_before_it()
    {
        var key = (await TestAgents.IssueKeyAsync(Swarm, "ext-voter")).GetProperty("apiKey").GetString()!;
        var id = await ProposeAsync(new { question = "Adopt the new style guide?", options = new[] { "adopt", "reject" }, participants = new { agents = new[] { "sage-1", "sage-2", "ext-voter" } }, deadlineSeconds = 120, quorum = 1.0 });
        await WaitForProposalAsync(id, p => p.GetProperty("voted").GetArrayLength() == 2);

        Swarm.KillHard();
        await Swarm.StartAgainAsync();
        Assert.Equal(HttpStatusCode.Accepted, await VoteAsync(id, key, new { choice = "adopt", confidence = 0.9, rationale = "It is clearer." }));

        var proposal = await WaitForProposalAsync(id, Finished);
        Assert.Equal(HttpStatusCode.Conflict, await VoteAsync(id, key, new { choice = "reject" }));
        var ballots = proposal.GetProperty("rounds")[0].GetProperty("ballots").EnumerateArray().ToList();
        Assert.Equal(3, proposal.GetProperty("rounds")[0].GetProperty("outcome").GetProperty("participants").GetInt32());
        var external = ballots.Single(b => b.GetProperty("voterId").GetString() == "ext-voter");
        Assert.Equal(("external", "adopt", "It is clearer."), (external.GetProperty("source").GetString(), external.GetProperty("choice").GetString(), external.GetProperty("rationale").GetString()));
    }

    [Fact]
    public async Task A_voter_silent_past_the_deadline_counts_as_absent_and_the_round_still_decides()
    {
        var id = await ProposeAsync(new { question = "Rename the repo?", options = new[] { "yes", "no" }, participants = new { agents = new[] { "sage-1", "sage-2", "ext-voter" } }, deadlineSeconds = 3, maxRounds = 1 });

        var proposal = await WaitForProposalAsync(id, Finished);

        var silent = proposal.GetProperty("rounds")[0].GetProperty("ballots").EnumerateArray().Single(b => b.GetProperty("voterId").GetString() == "ext-voter");
        Assert.Equal("no ballot before the round's deadline", silent.GetProperty("problem").GetString());
        Assert.Equal("decided", proposal.GetProperty("status").GetString());
        Assert.Equal(2, proposal.GetProperty("rounds")[0].GetProperty("outcome").GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task A_weighted_round_that_found_one_voter_of_the_three_it_asked_for_misses_the_quorum_and_says_who_voted()
    {
        // Only fool-1 has the capability: two of the three seats asked for stay empty.
        var id = await ProposeAsync(new { question = "Cut the release today?", options = new[] { "yes", "no" }, algorithm = "weighted", participants = new { capability = "folly", count = 3 }, maxRounds = 1 });

        var proposal = await WaitForProposalAsync(id, Finished);

        Assert.Equal("undecided", proposal.GetProperty("status").GetString());
        Assert.StartsWith("quorum missed: 1 of 3 voted", proposal.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var participation = proposal.GetProperty("participation");
        Assert.Equal(["fool-1"], participation.GetProperty("voted").EnumerateArray().Select(v => v.GetString()));
        Assert.Empty(participation.GetProperty("notVoted").EnumerateArray());
        Assert.Equal(2, participation.GetProperty("unfilledSeats").GetInt32());
        Assert.Equal((1.0 / 3, 0.5, false), (participation.GetProperty("share").GetDouble(), participation.GetProperty("quorum").GetDouble(), participation.GetProperty("met").GetBoolean()));
    }

    [Fact]
    public async Task A_named_voter_that_is_no_agent_counts_as_not_voting_and_a_decision_says_who_voted()
    {
        var id = await ProposeAsync(new { question = "Keep the changelog?", options = new[] { "keep", "drop" }, algorithm = "weighted", participants = new { agents = new[] { "sage-1", "sage-2", "no-such-agent" } }, maxRounds = 1 });

        var proposal = await WaitForProposalAsync(id, Finished);

        Assert.Equal("decided", proposal.GetProperty("status").GetString());
        var participation = proposal.GetProperty("participation");
        Assert.Equal(["sage-1", "sage-2"], participation.GetProperty("voted").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["no-such-agent"], participation.GetProperty("notVoted").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal((2.0 / 3, 0.5, true), (participation.GetProperty("share").GetDouble(), participation.GetProperty("quorum").GetDouble(), participation.GetProperty("met").GetBoolean()));
        var missing = proposal.GetProperty("rounds")[0].GetProperty("ballots").EnumerateArray().Single(b => b.GetProperty("voterId").GetString() == "no-such-agent");
        Assert.Contains("not an active agent", missing.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consensus_task_has_its_agents_vote_on_their_answers_and_the_majority_answer_wins()
    {
        const string prompt = "What is the capital of Australia?";
        var taskId = await TaskSubmissions.SubmitAcceptedAsync(Swarm, new { prompt, strategy = "consensus", agents = 3, capabilities = new[] { "trial" } });

        var task = await TaskPolling.WaitUntilFinishedAsync(Swarm, taskId, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", task.GetProperty("status").GetString());
        Assert.Equal("consensus", task.GetProperty("strategy").GetString());
        Assert.Equal(SimulatedChatClient.Answer(prompt), task.GetProperty("result").GetProperty("text").GetString());
        var proposal = await ProposalAsync("proposal-" + taskId["task-".Length..]);
        Assert.Equal("decided", proposal.GetProperty("status").GetString());
        Assert.Equal(2, proposal.GetProperty("options").GetArrayLength());
    }

    [Fact]
    public async Task Metrics_report_each_algorithms_rounds_decisions_and_time_to_decision()
    {
        var id = await ProposeAsync(new { question = "Use tabs?", options = new[] { "tabs", "spaces" }, algorithm = "superMajority", participants = new { capability = "wisdom", count = 3 } });
        await WaitForProposalAsync(id, Finished);

        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/consensus/metrics", role: "viewer"));
        var metrics = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("algorithms").GetProperty("superMajority");

        Assert.True(metrics.GetProperty("proposals").GetInt32() >= 1);
        Assert.True(metrics.GetProperty("decided").GetInt32() >= 1);
        Assert.True(metrics.GetProperty("timeToDecisionMs").GetProperty("p50").GetDouble() > 0);
        Assert.Equal(1.0, metrics.GetProperty("participation").GetDouble());
    }

    [Fact]
    public async Task Proposals_are_listed_by_page_with_their_status_algorithm_and_decision()
    {
        const string question = "Which queue should the importer use?";
        var decided = await ProposeAsync(new { question, options = Options, algorithm = "superMajority", participants = new { capability = "wisdom", count = 3 } });
        await ProposeAsync(new { question = "Which region first?", options = new[] { "west", "east" }, participants = new { capability = "wisdom", count = 3 } });
        var finished = await WaitForProposalAsync(decided, Finished);

        var all = await ListProposalsAsync("?status=decided&pageSize=200");
        var listed = all.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == decided);
        var firstPage = await ListProposalsAsync("?pageSize=1");
        var secondPage = await ListProposalsAsync("?pageSize=1&continuationToken=" + Uri.EscapeDataString(firstPage.GetProperty("continuationToken").GetString()!));
        using var badStatus = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/consensus/proposals?status=won", role: "viewer"));

        Assert.Equal(("decided", question, "superMajority"), (listed.GetProperty("status").GetString(), listed.GetProperty("question").GetString(), listed.GetProperty("algorithm").GetString()));
        Assert.Equal(finished.GetProperty("winner").GetString(), listed.GetProperty("decision").GetString());
        Assert.StartsWith("threshold met", listed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(listed.GetProperty("createdAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.False(listed.TryGetProperty("rounds", out _), "The listing leaves the ballots to the proposal itself.");
        Assert.All(all.GetProperty("items").EnumerateArray(), p => Assert.Equal("decided", p.GetProperty("status").GetString()));
        Assert.Equal(1, firstPage.GetProperty("items").GetArrayLength());
        Assert.NotEqual(firstPage.GetProperty("items")[0].GetProperty("id").GetString(), secondPage.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    async Task<JsonElement> ListProposalsAsync(string query)
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Get, "/api/v1/consensus/proposals" + query, role: "operator"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("""{"question":"q","options":["only"],"participants":{"capability":"wisdom","count":3}}""", "options")]
    [InlineData("""{"question":"q","options":["a","b"],"participants":{"agents":["sage-1"],"capability":"wisdom"}}""", "participants")]
    [InlineData("""{"question":"q","options":["a","b"],"algorithm":"superMajority","threshold":0.4,"participants":{"capability":"wisdom","count":3}}""", "threshold")]
    [InlineData("""{"question":"q","options":["a","b"],"ties":"statusQuo","participants":{"capability":"wisdom","count":3}}""", "statusQuo")]
    [InlineData("""{"question":"q","options":["a","b"],"algorithm":"plurality","participants":{"capability":"wisdom","count":3}}""", "algorithm")]
    public async Task A_malformed_proposal_is_refused_naming_the_field(string body, string field)
    {
        using var response = await Swarm.Http.SendAsync(Swarm.Request(HttpMethod.Post, "/api/v1/consensus/proposal", role: "operator", json: body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
