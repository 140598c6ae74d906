using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Routing by learned skill on the running local host: the board learns from each step's release and the selector reads it.</summary>
public sealed class SkillRoutingTests
{
    static IEnumerable<string> Assigned(JsonElement task) =>
        task.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "assigned").Select(e => e.GetProperty("detail").GetString()!);

    static async Task<JsonElement> RunAsync(LocalHostProcess host, string prompt)
    {
        var id = await TaskSubmissions.SubmitAcceptedAsync(host, new { prompt, capabilities = new[] { "care" } });
        return await TaskPolling.WaitUntilFinishedAsync(host, id, TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Routing_prefers_the_agent_that_succeeds(int shards)
    {
        // With three shards the two agents live on different ones, so only the claim across shards can move the work.
        const string Shaky = "shaky-1";
        var steady = Enumerable.Range(1, 30).Select(i => $"steady-{i}").First(id => shards == 1 || Swarm.Domain.Distribution.ShardPlacement.Of(id, shards) != Swarm.Domain.Distribution.ShardPlacement.Of(Shaky, shards));
        // Pattern recognition off: what moves the work here is the board's record alone, not similar tasks' evidence.
        await using var host = await LocalHostProcess.StartAsync(
            ("dispatch__shards", shards.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("learning__algorithm", "greedy"),
            ("learning__patterns__enabled", "false"),
            ("providers__simulated__profiles__broken__failureRate", "1"),
            ("selfHealing__unhealthyProbationSeconds", "1"),
            ("SelfHealingSchedule", "*/1 * * * * *"));
        // By priority alone shaky-1 would take every step; only what the board learns can move the work.
        await TaskSubmissions.CreateAgentAsync(host, Shaky, "specialist", ["care"], priority: 10, model: "broken");
        await TaskSubmissions.CreateAgentAsync(host, steady, "specialist", ["care"], priority: 1);
        await BoardAgents.OnBoardAsync(host, Shaky, shards);
        await BoardAgents.OnBoardAsync(host, steady, shards);

        var first = new List<JsonElement>();
        for (var i = 0; i < 20; i++)
        {
            first.Add(await RunAsync(host, $"care task {i}"));
        }

        // Its failure streak made shaky-1 unhealthy on the way; the last ten start only once self-healing has it back.
        await TaskPolling.WaitForAgentAsync(host, Shaky, a => a.GetProperty("status").GetString() == "idle");
        var last = new List<JsonElement>();
        for (var i = 20; i < 30; i++)
        {
            last.Add(await RunAsync(host, $"care task {i}"));
        }

        Assert.Contains(first, t => Assigned(t).First().StartsWith($"answer: {Shaky} ", StringComparison.Ordinal));
        Assert.All(last, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.All(last, t => Assert.Equal([$"answer: {steady}"], Assigned(t).Select(d => d[..d.IndexOf(" (", StringComparison.Ordinal)])));
        Assert.All(last, t => Assert.Contains("greedy mean 0.9", Assigned(t).Single(), StringComparison.Ordinal));
        // Three failures and no success: three in a row made it unhealthy, and once steady-1 was known even shaky-1's
        // 90 % bound was under steady-1's mean, which ended its warm-up (a fourth failure would make the mean 0.17).
        var shaky = await BoardAgents.OnBoardAsync(host, Shaky, shards);
        Assert.Equal(0, shaky.SkillOf("care").Successes);
        Assert.True(shaky.SkillOf("care").Mean < 0.25, shaky.SkillOf("care").ToString());
        Assert.True(shaky.Accepting);
    }

    [Fact]
    public async Task A_new_agent_gets_work_under_greedy()
    {
        await using var host = await LocalHostProcess.StartAsync(("learning__algorithm", "greedy"));
        await TaskSubmissions.CreateAgentAsync(host, "veteran-1", "specialist", ["care"]);
        await BoardAgents.OnBoardAsync(host, "veteran-1");
        for (var i = 0; i < 5; i++)
        {
            Assert.StartsWith("answer: veteran-1 ", Assigned(await RunAsync(host, $"care task {i}")).Single(), StringComparison.Ordinal);
        }

        await TaskSubmissions.CreateAgentAsync(host, "rookie-1", "specialist", ["care"]);
        await BoardAgents.OnBoardAsync(host, "rookie-1");
        var next = await RunAsync(host, "the first care task for the rookie");

        // The veteran's record is as good as five steps make it, and greedy has no randomness; warm-up gives the rookie the
        // step. (Warm-up adds 0.35 × (1 − the veteran's mean) to the rookie's score; a higher role priority can outweigh it.)
        var assigned = Assigned(next).Single();
        if (!assigned.StartsWith("answer: rookie-1 (specialist, load 0/4, has care): greedy warm-up (0 of 4 signals); score ", StringComparison.Ordinal))
        {
            // Seen once in CI, in a run that took 83 s where 10 s is usual, when the wait above did not yet fail on a rookie
            // still off the board after 30 s: what the board holds of the rookie now, the task's whole timeline and the
            // host's warnings say whether it was missing, unhealthy or outranked, should it happen again.
            var board = await Entities.ReadAsync<Swarm.Domain.Distribution.DispatchBoard>(host, "dispatcher", "swarm");
            Assert.Fail($"{assigned}{Environment.NewLine}rookie on the board: {Describe(board?.Agents.GetValueOrDefault("rookie-1"))}"
                + $"{Environment.NewLine}timeline: {next.GetProperty("timeline")}{Environment.NewLine}host log:{Environment.NewLine}{host.Output}");
        }
    }

    static string Describe(Swarm.Domain.Distribution.BoardAgent? agent) => agent is null
        ? "absent"
        : $"accepting {agent.Accepting}, leaving {agent.Leaving}, unhealthy {agent.IsUnhealthy}, load {agent.Load}/{agent.MaxConcurrency}, care {agent.SkillOf("care")}";
}
