using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Domain.Tests.Learning;

/// <summary>The board's records per pattern key (docs/design/learning.md §12): taught by releases, ranked by, warmed up, bounded and reset.</summary>
public sealed class PatternSkillTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    static readonly string Sql3 = PatternKey.Of("sql", 3);

    static AgentProfile Profile(string id) =>
        new(id, id, AgentType.Specialist, new ProviderSettings("simulated", "m"), 1, new AgentRole("operational", [], ["sql"], 5));

    static DispatchBoard Board(params string[] agents) =>
        agents.Aggregate(new DispatchBoard().Configure(new LearningPolicy(RoutingAlgorithm.Greedy, 0.01, 0, true)), (board, id) => board.Register(Profile(id), accepting: true).Board);

    static SeatRequest Step(string task, string? pattern) => new(task, "s1", ["sql"], 5, [], null, T0, Pattern: pattern);

    /// <summary>Runs a task on the named agent and releases it with the outcome, through the board's own request and release.</summary>
    static DispatchBoard Ran(DispatchBoard board, string task, string agent, bool succeeded, string? pattern, int minute = 0)
    {
        var (granted, decision) = board.Request(Step(task, pattern) with { Agent = agent });
        Assert.Equal(agent, decision.AgentId);
        return granted.Release(new SeatRelease(agent, Step(task, pattern).Holder, ["sql"], new WorkOutcome(succeeded, 10, new ModelUsage(0, 0, 0), T0.AddMinutes(minute)), Pattern: pattern), T0).Board;
    }

    // Successes spread evenly among the failures, so no run of three failures makes the agent unhealthy.
    static DispatchBoard RanMany(DispatchBoard board, string agent, int successes, int total, string? pattern) =>
        Enumerable.Range(0, total).Aggregate(board, (b, i) => Ran(b, $"{agent}-{pattern}-{i}", agent, (i + 1) * successes / total > i * successes / total, pattern));

    [Fact]
    public void A_release_with_a_pattern_teaches_the_capability_and_the_pattern()
    {
        var board = RanMany(Board("a"), "a", 3, 4, Sql3);

        Assert.Equal(4, board.Agents["a"].SkillOf("sql").Signals);
        Assert.Equal(4, board.Agents["a"].SkillOf(Sql3).Signals);
        Assert.Equal(board.Agents["a"].SkillOf("sql").Mean, board.Agents["a"].SkillOf(Sql3).Mean);
        Assert.Equal(0, board.Agents["a"].SkillOf(PatternKey.Of("sql", 4)).Signals);
    }

    [Fact]
    public void A_step_with_a_pattern_is_routed_by_the_agents_records_for_it_not_by_their_capability_records()
    {
        // 'all-rounder' is better at sql overall; 'specialist' is better at this pattern's tasks.
        var board = Board("all-rounder", "specialist");
        board = RanMany(board, "all-rounder", 36, 50, pattern: null);
        board = RanMany(board, "specialist", 20, 50, pattern: null);
        board = RanMany(board, "all-rounder", 3, 6, Sql3);
        board = RanMany(board, "specialist", 6, 6, Sql3);

        Assert.Equal("all-rounder", board.Request(Step("plain", pattern: null)).Decision.AgentId);
        var decision = board.Request(Step("of-the-pattern", Sql3)).Decision;
        Assert.Equal("specialist", decision.AgentId);
        Assert.Contains("greedy mean 0.8", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_pattern_warms_up_on_its_own()
    {
        var board = RanMany(RanMany(Board("veteran", "newcomer"), "veteran", 10, 10, Sql3), "newcomer", 2, 2, Sql3);
        board = RanMany(board, "newcomer", 10, 10, pattern: null);

        var decision = board.Request(Step("next", Sql3)).Decision;

        Assert.Equal("newcomer", decision.AgentId);
        Assert.Contains("warm-up (2 of 4 signals)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agent_keeps_records_for_its_most_recently_taught_patterns_only()
    {
        var board = Board("a");
        for (var p = 0; p < BoardAgent.MaxPatternSkills + 4; p++)
        {
            board = Ran(board, $"t{p}", "a", succeeded: true, PatternKey.Of("sql", p), minute: p);
        }

        var keys = board.Agents["a"].EstimatesOrMigrated().Keys.Where(PatternKey.IsPattern).ToList();
        Assert.Equal(BoardAgent.MaxPatternSkills, keys.Count);
        Assert.DoesNotContain(PatternKey.Of("sql", 0), keys);
        Assert.Contains(PatternKey.Of("sql", BoardAgent.MaxPatternSkills + 3), keys);
        Assert.True(board.Agents["a"].SkillOf("sql").Signals == BoardAgent.MaxPatternSkills + 4);
    }

    [Fact]
    public void Resetting_a_capability_resets_the_records_of_its_patterns()
    {
        var board = RanMany(Board("a"), "a", 4, 4, Sql3);
        board = board.Learn(new SkillSignal("other", SkillKind.Outcome, "a", [PatternKey.Of("python", 1)], 1, 1, T0));

        var reset = board.Agents["a"].ResetSkill("SQL", T0.AddMinutes(1));

        Assert.Equal(0, reset.SkillOf("sql").Signals);
        Assert.Equal(0, reset.SkillOf(Sql3).Signals);
        Assert.Equal(1, reset.SkillOf(PatternKey.Of("python", 1)).Signals);
    }
}
