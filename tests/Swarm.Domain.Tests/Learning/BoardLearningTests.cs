using System.Text.Json;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests.Learning;

/// <summary>The dispatch board as the owner of skill: signals, releases, the learning pass, resets and old boards.</summary>
public sealed class BoardLearningTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    static DispatchBoard Board(params string[] ids) =>
        ids.Aggregate(new DispatchBoard(), (board, id) =>
            board.Register(new AgentProfile(id, id, AgentType.Specialist, new ProviderSettings("simulated", "m"), 4, new AgentRole("operational", [], ["sql", "analysis"], 5)), accepting: true).Board);

    static SkillSignal Vote(string agent, double value, string id = "vote:p1:a1", int minute = 0) =>
        new(id, SkillKind.Consensus, agent, ["sql"], value, 0.5, T0.AddMinutes(minute));

    /// <summary>Work on sql goes on without a1: a2 joins and is taught at each of <paramref name="minutes"/>.</summary>
    static DispatchBoard OthersWorkAt(DispatchBoard board, params int[] minutes) =>
        minutes.Aggregate(
            board.Agents.ContainsKey("a2") ? board : board.Register(new AgentProfile("a2", "a2", AgentType.Specialist, new ProviderSettings("simulated", "m"), 4, new AgentRole("operational", [], ["sql"], 5)), accepting: true).Board,
            (b, minute) => b.Learn(Vote("a2", 1, $"vote:p{minute}:a2", minute)));

    static DispatchBoard Run(DispatchBoard board, string task, bool succeeded, int minute = 0, bool late = false)
    {
        var (held, decision) = board.Request(new SeatRequest(task, "s1", ["sql"], 5, [], null, T0));
        Assert.Equal(SeatOutcome.Granted, decision.Outcome);
        var outcome = late ? null : new WorkOutcome(succeeded, 10, new ModelUsage(1, 1, 0), T0.AddMinutes(minute));
        return held.Release(new SeatRelease(decision.AgentId!, $"{task}/s1", ["sql"], outcome, Late: late), T0.AddMinutes(minute)).Board;
    }

    [Fact]
    public void A_repeated_signal_counts_once()
    {
        var once = Board("a1").Learn(Vote("a1", 1));

        var twice = once.Learn(Vote("a1", 1));

        Assert.Same(once, twice);
        Assert.Equal(0.5, once.Agents["a1"].SkillOf("sql").Evidence);
        Assert.Equal(1, once.Routing!.Updates["consensus"]);
        Assert.Equal(["vote:p1:a1"], once.RecentSignals);
    }

    [Fact]
    public void The_ring_of_recent_signals_keeps_the_newest()
    {
        var board = Enumerable.Range(0, DispatchBoard.RecentSignalCount + 5).Aggregate(Board("a1"), (b, i) => b.Learn(Vote("a1", 1, $"vote:p{i}:a1")));

        Assert.Equal(DispatchBoard.RecentSignalCount, board.RecentSignals!.Count);
        Assert.Equal($"vote:p{DispatchBoard.RecentSignalCount + 4}:a1", board.RecentSignals[^1]);
        Assert.DoesNotContain("vote:p0:a1", board.RecentSignals);
    }

    [Fact]
    public void Release_and_learn_agree_on_an_outcome()
    {
        var released = Run(Board("a1"), "t1", false, minute: 3);
        var learned = Board("a1").Learn(new SkillSignal("release:t1/s1", SkillKind.Outcome, "a1", ["sql"], 0, 1, T0.AddMinutes(3)));

        var agent = released.Agents["a1"];
        Assert.Equal(learned.Agents["a1"].SkillOf("sql"), agent.SkillOf("sql"));
        Assert.Equal(agent.SkillOf("sql").Mean, agent.Reputation["sql"]);
        var update = Assert.Single(agent.SkillTrace!);
        Assert.Equal(("release:t1/s1", SkillKind.Outcome, 0.5), (update.SignalId, update.Kind, update.MeanBefore));
        Assert.Equal(1.0 / 3, update.MeanAfter, 9);
        Assert.Equal(1, agent.Work.Failed);
    }

    [Fact]
    public void A_late_release_teaches_a_half_weight_failure_and_counts_no_statistics()
    {
        var late = Run(Board("a1"), "t1", false, minute: 2, late: true).Agents["a1"];

        Assert.Equal((0.0, 0.5), (late.SkillOf("sql").Successes, late.SkillOf("sql").Failures));
        Assert.Equal(("late:t1/s1", SkillKind.Late), (late.SkillTrace![0].SignalId, late.SkillTrace[0].Kind));
        Assert.Equal(new AgentWork(), late.Work);
    }

    [Fact]
    public void A_v2_board_reads_back_the_same_reputation()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Learning", "Fixtures", "board-v2.json"));

        var board = JsonSerializer.Deserialize<DispatchBoard>(json, new JsonSerializerOptions { IncludeFields = true })!;

        var agent = board.Agents["coder-1"];
        Assert.Equal(2, board.Version);
        Assert.Equal(0.8146, agent.Reputation["sql"]);
        Assert.Equal(0.271, agent.Reputation["analysis"]);
        Assert.Null(agent.Skills);
        // Read as skill, the stored reputation keeps its side on min(10, completed + failed) = 9 outcomes of evidence.
        Assert.Equal(9, agent.SkillOf("SQL").Evidence, 9);
        Assert.Equal(0.8146 * 9, agent.SkillOf("sql").Successes, 9);
        // The 9 outcomes count as its signals, so the veteran is not warmed up again.
        Assert.Equal(9, agent.SkillOf("sql").Signals);
        // Its first write migrates it: every key becomes an estimate, and the reputation the posterior means.
        var written = board.Learn(new SkillSignal("vote:p1:coder-1", SkillKind.Consensus, "coder-1", ["sql"], 1, 0.5, T0)).Agents["coder-1"];
        Assert.Equal(["analysis", "sql"], written.Skills!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(written.SkillOf("analysis").Mean, written.Reputation["analysis"]);
        Assert.True(written.Reputation["analysis"] < 0.5 && written.Reputation["sql"] > 0.5);
    }

    [Fact]
    public void Relax_widens_an_unconfirmed_estimate_and_keeps_its_side()
    {
        var board = Enumerable.Range(0, 8).Aggregate(Board("a1"), (b, i) => Run(b, $"t{i}", i != 3));
        var before = board.Agents["a1"].SkillOf("sql");

        var relaxed = OthersWorkAt(board.Relax(0.2, T0.AddMinutes(15)), 20).Relax(0.2, T0.AddMinutes(30)).Agents["a1"].SkillOf("sql");

        Assert.True(relaxed.StandardDeviation > before.StandardDeviation);
        Assert.True(relaxed.Mean is > 0.5 && relaxed.Mean < before.Mean);
        Assert.Equal(before.Evidence * 0.8, relaxed.Evidence, 9);
    }

    [Fact]
    public void A_key_nobody_worked_on_keeps_its_records_through_the_passes()
    {
        // A swarm that gets a task an hour must not forget between tasks what it learnt from them: a record goes stale
        // with its key's work, not with the clock.
        var board = Enumerable.Range(0, 8).Aggregate(Board("a1"), (b, i) => Run(b, $"t{i}", i != 3));
        var before = board.Agents["a1"].SkillOf("sql");

        var passes = Enumerable.Range(1, 96).Aggregate(board, (b, i) => b.Relax(0.2, T0.AddMinutes(15 * i)));

        Assert.Equal(before, passes.Agents["a1"].SkillOf("sql"));
        // Once another agent works on sql, the next pass fades a1's record.
        var worked = OthersWorkAt(passes, (15 * 96) + 5).Relax(0.2, T0.AddMinutes(15 * 97)).Agents["a1"].SkillOf("sql");
        Assert.Equal(before.Evidence * 0.8, worked.Evidence, 9);
    }

    [Fact]
    public void Consecutive_relax_passes_are_one_trace_entry()
    {
        var board = Run(Board("a1"), "t1", true);
        var start = board.Agents["a1"].SkillOf("sql").Mean;

        var relaxed = Enumerable.Range(1, 12).Aggregate(board, (b, i) => OthersWorkAt(b, (15 * i) - 5).Relax(0.1, T0.AddMinutes(15 * i)));

        var trace = relaxed.Agents["a1"].SkillTrace!;
        Assert.Equal(2, trace.Count);
        var passes = trace[0];
        Assert.Equal((SkillKind.Relax, 11, T0.AddMinutes(30), T0.AddMinutes(180)), (passes.Kind, passes.Times, passes.Since, passes.At));
        Assert.Equal(start, passes.MeanBefore);
        Assert.Equal(relaxed.Agents["a1"].SkillOf("sql").Mean, passes.MeanAfter);
        Assert.Equal(SkillKind.Outcome, trace[1].Kind);
        Assert.Equal(11, relaxed.Routing!.Updates["relax"]);
    }

    [Fact]
    public void Reset_returns_the_key_to_the_prior_and_is_traced()
    {
        var board = Run(Run(Board("a1"), "t1", true), "t2", true).Learn(new SkillSignal("vote:p1:a1", SkillKind.Consensus, "a1", ["analysis"], 1, 0.5, T0));
        var at = T0.AddHours(1);

        var reset = board.ResetSkill("a1", "SQL", at).Agents["a1"];

        Assert.Equal(SkillEstimate.Unknown, reset.SkillOf("sql"));
        Assert.False(reset.Reputation.ContainsKey("sql"));
        Assert.True(reset.SkillOf("analysis").Evidence > 0);
        Assert.Equal(at, reset.SkillResetAt);
        var line = reset.SkillTrace![0];
        Assert.Equal(($"reset:a1:{at:O}", SkillKind.Reset, "sql", 0.5), (line.SignalId, line.Kind, line.Key, line.MeanAfter));
        Assert.True(line.MeanBefore > 0.5);
        Assert.Empty(board.ResetSkill("a1", null, at).Agents["a1"].Skills!);
    }

    [Fact]
    public void Learning_off_ignores_signals_and_counts_them()
    {
        var off = Board("a1").Configure(LearningPolicy.Default with { Enabled = false });

        var after = Run(off.Learn(Vote("a1", 1)), "t1", true);

        Assert.Equal(SkillEstimate.Unknown, after.Agents["a1"].SkillOf("sql"));
        Assert.Equal(2, after.Routing!.Updates["ignored"]);
        Assert.Equal(1, after.Agents["a1"].Work.Completed);
    }

    [Fact]
    public void The_trace_keeps_the_last_twenty_changes_newest_first()
    {
        var board = Enumerable.Range(0, 25).Aggregate(Board("a1"), (b, i) => b.Learn(Vote("a1", 1, $"vote:p{i}:a1")));

        var trace = board.Agents["a1"].SkillTrace!;
        Assert.Equal(BoardAgent.TraceLength, trace.Count);
        Assert.Equal("vote:p24:a1", trace[0].SignalId);
    }

    [Fact]
    public void A_full_board_of_fifty_agents_with_ten_keys_stays_under_300_KB()
    {
        // docs/design/learning.md §11: every agent with ten estimates and a full trace, and a full ring of signal ids.
        // Measured 283 KB (about 4.6 KB an agent, 58 KB of ring) with a trace of 10; the plan's 200 KB is not met, and
        // this bound guards against growing further (at 20 trace lines it was 381 KB).
        string[] keys = ["sql", "analysis", "writing", "review", "legal", "finance", "biology", "frontend", "database", "general"];
        var board = Enumerable.Range(0, 50).Aggregate(new DispatchBoard(), (b, i) =>
            b.Register(new AgentProfile($"agent-{i:00}", $"agent-{i:00}", AgentType.Specialist, new ProviderSettings("simulated", "m"), 4, new AgentRole("operational", [], keys, 5)), accepting: true).Board);
        board = Enumerable.Range(0, 1_100).Aggregate(board, (b, n) =>
            b.Learn(new SkillSignal($"feedback:task-{n:x32}:someone", SkillKind.Feedback, $"agent-{n % 50:00}", [keys[n / 50 % 10]], 0.75, 2, T0)));
        board = board.Relax(0.01, T0).Relax(0.01, T0.AddMinutes(15));

        var bytes = JsonSerializer.SerializeToUtf8Bytes(board, new JsonSerializerOptions { IncludeFields = true }).Length;

        Assert.All(board.Agents.Values, a => Assert.Equal((BoardAgent.TraceLength, 10), (a.SkillTrace!.Count, a.Skills!.Count)));
        var o = new JsonSerializerOptions { IncludeFields = true };
        var a0 = board.Agents["agent-00"];
        Assert.True(bytes < 300 * 1024, $"{bytes / 1024} KB; agent {JsonSerializer.SerializeToUtf8Bytes(a0, o).Length}, skills {JsonSerializer.SerializeToUtf8Bytes(a0.Skills, o).Length}, trace {JsonSerializer.SerializeToUtf8Bytes(a0.SkillTrace, o).Length}, profile {JsonSerializer.SerializeToUtf8Bytes(a0.Profile, o).Length}, ring {JsonSerializer.SerializeToUtf8Bytes(board.RecentSignals, o).Length}");
    }
}
