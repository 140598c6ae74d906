using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests;

public sealed class DispatchBoardTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    static AgentProfile Agent(string id, AgentType type = AgentType.Worker, int seats = 1, int priority = 5, params string[] expertise) =>
        new(id, id, type, new ProviderSettings("simulated", "m"), seats, new AgentRole("operational", [], expertise, priority));

    static SeatRequest Step(string task, int priority = 5, string[]? capabilities = null, string[]? exclude = null, AgentType? type = null, int second = 0, string seat = "s1") =>
        new(task, seat, capabilities ?? [], priority, exclude ?? [], type, T0.AddSeconds(second));

    static WorkOutcome Done(bool succeeded, long latencyMs = 10) => new(succeeded, latencyMs, new ModelUsage(1, 2, 0.5m), T0);

    static DispatchBoard Board(params AgentProfile[] agents) =>
        agents.Aggregate(new DispatchBoard(), (board, agent) => board.Register(agent, accepting: true).Board);

    [Fact]
    public void A_step_gets_an_agent_with_every_capability_it_needs()
    {
        var board = Board(Agent("writer", AgentType.Specialist, expertise: ["writing"]), Agent("analyst", AgentType.Specialist, expertise: ["analysis", "sql"]));

        var (_, decision) = board.Request(Step("t1", capabilities: ["analysis", "SQL"]));

        Assert.Equal(SeatOutcome.Granted, decision.Outcome);
        Assert.Equal("analyst", decision.AgentId);
    }

    [Fact]
    public void A_capability_no_agent_has_is_refused_at_once_naming_it()
    {
        var board = Board(Agent("writer", expertise: ["writing"]));

        var (after, decision) = board.Request(Step("t1", capabilities: ["legal"]));

        Assert.Equal(SeatOutcome.NoFit, decision.Outcome);
        Assert.Contains("[legal]", decision.Reason, StringComparison.Ordinal);
        Assert.Empty(after.Waiting);
    }

    [Fact]
    public void An_empty_board_queues_the_step_because_the_swarm_may_still_be_starting()
    {
        var (board, decision) = new DispatchBoard().Request(Step("t1"));

        Assert.Equal(SeatOutcome.Queued, decision.Outcome);
        var (_, grants) = board.Register(Agent("a1"), accepting: true);
        Assert.Equal("a1", Assert.Single(grants).AgentId);
    }

    [Fact]
    public void An_agent_is_never_given_more_seats_than_its_max_concurrency()
    {
        var board = Board(Agent("a1", seats: 2));

        (board, var first) = board.Request(Step("t1"));
        (board, var second) = board.Request(Step("t2"));
        (board, var third) = board.Request(Step("t3"));

        Assert.Equal([SeatOutcome.Granted, SeatOutcome.Granted, SeatOutcome.Queued], [first.Outcome, second.Outcome, third.Outcome]);
        Assert.Equal(2, board.Agents["a1"].Load);
    }

    [Fact]
    public void Work_spreads_to_the_less_loaded_agent()
    {
        var board = Board(Agent("a1", seats: 4), Agent("a2", seats: 4));

        (board, var first) = board.Request(Step("t1"));
        (board, var second) = board.Request(Step("t2"));

        Assert.NotEqual(first.AgentId, second.AgentId);
    }

    [Fact]
    public void A_freed_seat_goes_to_the_highest_priority_step_then_the_earliest()
    {
        var board = Board(Agent("a1"));
        (board, _) = board.Request(Step("running"));
        (board, _) = board.Request(Step("low-early", priority: 2, second: 1));
        (board, _) = board.Request(Step("high-late", priority: 9, second: 3));
        (board, _) = board.Request(Step("high-early", priority: 9, second: 2));

        var (after, grants) = board.Release(new SeatRelease("a1", "running/s1", [], Done(true)));

        var grant = Assert.Single(grants);
        Assert.Equal("high-early", grant.TaskId);
        Assert.Equal(["high-late/s1", "low-early/s1"], after.Waiting.Select(w => w.Holder));
        Assert.Equal(2, after.Summarize().Waiting);
        Assert.Equal(T0.AddSeconds(1), after.Summarize().OldestWaitingSince);
    }

    [Fact]
    public void A_low_priority_step_that_has_waited_long_enough_goes_before_a_fresh_urgent_one()
    {
        static string Served(int urgentArrives, int releasedAt)
        {
            var board = Board(Agent("a1"));
            (board, _) = board.Request(Step("running"));
            (board, _) = board.Request(Step("old-low", priority: 1, second: 0));
            (board, _) = board.Request(Step("new-high", priority: 9, second: urgentArrives));
            return Assert.Single(board.Release(new SeatRelease("a1", "running/s1", [], Done(true)), T0.AddSeconds(releasedAt)).Grants).TaskId;
        }

        // After 5 minutes the low step counts as priority 6, still below 9; after 10 it counts as 11.
        Assert.Equal("new-high", Served(urgentArrives: 290, releasedAt: 300));
        Assert.Equal("old-low", Served(urgentArrives: 590, releasedAt: 600));
    }

    [Fact]
    public void A_waiting_step_that_no_freed_agent_fits_keeps_its_place_while_later_ones_are_served()
    {
        var board = Board(Agent("writer", expertise: ["writing"]), Agent("coder", expertise: ["code"]));
        (board, _) = board.Request(Step("w1", capabilities: ["writing"]));
        (board, _) = board.Request(Step("c1", capabilities: ["code"]));
        (board, _) = board.Request(Step("w2", priority: 9, capabilities: ["writing"]));
        (board, _) = board.Request(Step("c2", priority: 1, capabilities: ["code"]));

        var (after, grants) = board.Release(new SeatRelease("coder", "c1/s1", ["code"], Done(true)));

        Assert.Equal("c2", Assert.Single(grants).TaskId);
        Assert.Equal(["w2/s1"], after.Waiting.Select(w => w.Holder));
    }

    [Fact]
    public void Two_steps_of_one_task_get_distinct_agents_and_excluded_agents_are_skipped()
    {
        var board = Board(Agent("a1", seats: 5), Agent("a2", seats: 5), Agent("a3", seats: 5));

        (board, var first) = board.Request(Step("t1", seat: "s1"));
        (board, var second) = board.Request(Step("t1", seat: "s2"));
        (board, var third) = board.Request(Step("t1", seat: "s3", exclude: ["a3"]));

        Assert.Equal(2, new[] { first.AgentId, second.AgentId }.Distinct().Count());
        Assert.Equal(SeatOutcome.Queued, third.Outcome);
    }

    [Fact]
    public void Asking_again_for_a_held_seat_or_a_place_in_line_answers_the_same()
    {
        var board = Board(Agent("a1"));
        (board, var granted) = board.Request(Step("t1"));
        (board, var queued) = board.Request(Step("t2"));

        var (again, grantedAgain) = board.Request(Step("t1"));
        var (_, queuedAgain) = again.Request(Step("t2"));

        Assert.Equal(granted, grantedAgain with { Reason = granted.Reason });
        Assert.Equal(queued.Position, queuedAgain.Position);
        Assert.Equal(1, again.Agents["a1"].Load);
        Assert.Single(again.Waiting);
    }

    [Fact]
    public void Skill_moves_toward_outcomes_and_the_better_agent_wins_the_next_step_under_greedy()
    {
        var board = Board(Agent("a1", seats: 1, expertise: ["analysis"]), Agent("a2", seats: 1, expertise: ["analysis"]))
            .Configure(LearningPolicy.Default with { Algorithm = RoutingAlgorithm.Greedy });
        // Four rounds, past warm-up (evidence 3; three outcomes decay to 2.97 at the default rate); a1 succeeds once, since
        // three failures in a row would make it unhealthy, which takes it off the board altogether.
        for (var i = 0; i < 4; i++)
        {
            (board, var a) = board.Request(Step($"t{i}", capabilities: ["analysis"], seat: "x"));
            (board, var b) = board.Request(Step($"t{i}", capabilities: ["analysis"], seat: "y"));
            (board, _) = board.Release(new SeatRelease("a1", $"t{i}/{(a.AgentId == "a1" ? "x" : "y")}", ["analysis"], Done(i == 1)));
            (board, _) = board.Release(new SeatRelease("a2", $"t{i}/{(a.AgentId == "a2" ? "x" : "y")}", ["analysis"], Done(true)));
        }

        Assert.True(board.Agents["a1"].Reputation["analysis"] < 0.5);
        Assert.True(board.Agents["a2"].Reputation["analysis"] > 0.5);
        var (_, next) = board.Request(Step("next", capabilities: ["analysis"]));
        Assert.Equal("a2", next.AgentId);
        Assert.Contains($"greedy mean {board.Agents["a2"].SkillOf("analysis").Mean:0.00} (n 3.9)", next.Reason, StringComparison.Ordinal);
        Assert.Equal((5, 3), (board.Succeeded, board.Failed));
    }

    [Fact]
    public void A_withdrawn_agent_gets_no_new_seats_and_leaves_with_its_record_once_its_last_seat_is_released()
    {
        var board = Board(Agent("a1", seats: 2), Agent("a2", seats: 2));
        (board, var held) = board.Request(Step("t1"));
        (board, var withdrawal) = board.Withdraw(held.AgentId!, watcher: "retire-agent-x");

        var (_, next) = board.Request(Step("t2"));
        Assert.False(withdrawal.Left);
        Assert.NotEqual(held.AgentId, next.AgentId);
        Assert.True(board.Agents.ContainsKey(held.AgentId!));

        var change = board.Release(new SeatRelease(held.AgentId!, "t1/s1", [], Done(true)));
        Assert.False(change.Board.Agents.ContainsKey(held.AgentId!));
        Assert.Equal(held.AgentId, change.Departure!.AgentId);
        Assert.Equal(["retire-agent-x"], change.Departure.Watchers);
        Assert.Equal(1, change.Departure.Work.Completed);
    }

    [Fact]
    public void An_agent_holding_no_seat_leaves_at_once_when_withdrawn_and_an_unknown_one_has_nothing_to_wait_for()
    {
        var (board, idle) = Board(Agent("a1")).Withdraw("a1");
        var (_, unknown) = board.Withdraw("nobody");

        Assert.Equal(new Withdrawal(true, new AgentWork()), idle);
        Assert.Empty(board.Agents);
        Assert.Equal(new Withdrawal(true, null), unknown);
    }

    [Fact]
    public void Every_retirement_waiting_for_an_agent_is_told_when_it_leaves()
    {
        var board = Board(Agent("a1"));
        (board, _) = board.Request(Step("t1"));
        (board, _) = board.Withdraw("a1", "retire-agent-a1");
        (board, _) = board.Withdraw("a1", "scale-pool-sub");
        (board, _) = board.Withdraw("a1", "retire-agent-a1");

        var departure = board.Release(new SeatRelease("a1", "t1/s1", [])).Departure;

        Assert.Equal(["retire-agent-a1", "scale-pool-sub"], departure!.Watchers);
    }

    [Fact]
    public void A_late_registration_does_not_bring_back_an_agent_that_is_retiring()
    {
        var board = Board(Agent("a1", seats: 2), Agent("a2", seats: 2));
        (board, var held) = board.Request(Step("t1"));
        (board, _) = board.Withdraw(held.AgentId!);

        (board, _) = board.Register(Agent(held.AgentId!, seats: 2), accepting: true);

        Assert.False(board.Agents[held.AgentId!].Accepting);
        Assert.NotEqual(held.AgentId, board.Request(Step("t2")).Decision.AgentId);
    }

    [Fact]
    public void A_granted_seat_carries_the_agent_profile_the_step_works_with()
    {
        var profile = Agent("a1", AgentType.Specialist, expertise: ["x"]);
        var board = Board(profile);

        (board, var granted) = board.Request(Step("t1"));
        (board, _) = board.Request(Step("t2"));
        var (_, grants) = board.Release(new SeatRelease("a1", "t1/s1", [], Done(true)));

        Assert.Equal(profile, granted.Agent);
        Assert.Equal(profile, Assert.Single(grants).Agent);
    }

    [Fact]
    public void Leaving_the_line_removes_the_step_unless_a_seat_was_granted_meanwhile()
    {
        var board = Board(Agent("a1"));
        (board, _) = board.Request(Step("t1"));
        (board, _) = board.Request(Step("t2"));
        (board, _) = board.Request(Step("t3"));
        (board, var grants) = board.Release(new SeatRelease("a1", "t1/s1", []));

        var (afterGranted, granted) = board.Leave("t2", "s1");
        var (afterWaiting, waiting) = afterGranted.Leave("t3", "s1");

        Assert.Equal("t2", Assert.Single(grants).TaskId);
        Assert.Equal("a1", granted?.AgentId);
        Assert.Null(waiting);
        Assert.Empty(afterWaiting.Waiting);
    }

    [Fact]
    public void Plain_work_goes_to_a_worker_before_a_high_priority_specialist_or_queen()
    {
        var board = Board(Agent("specialist", AgentType.Specialist, seats: 4, priority: 10, "fragile"), Agent("queen", AgentType.Queen, seats: 32, priority: 10), Agent("worker", seats: 4, priority: 5));

        Assert.Equal("worker", board.Request(Step("t1")).Decision.AgentId);
        Assert.Equal("specialist", board.Request(Step("t2", capabilities: ["fragile"])).Decision.AgentId);
    }

    [Fact]
    public void Plain_work_never_goes_to_an_external_agent_and_one_with_the_expertise_ranks_after_model_agents()
    {
        static AgentProfile External(string id, params string[] expertise) =>
            new(id, id, AgentType.Specialist, new ProviderSettings(ProviderSettings.ExternalType, "human"), 4, new AgentRole("operational", [], expertise, 10));
        // "a-person" sorts first and has the best priority: only the rule can keep plain work from it.
        var board = Board(External("a-person", "manual", "review"), Agent("worker", seats: 4, priority: 1), Agent("reviewer", AgentType.Specialist, seats: 1, priority: 1, "review"));

        Assert.Equal("worker", board.Request(Step("t1")).Decision.AgentId);
        Assert.Equal("reviewer", board.Request(Step("t2", capabilities: ["review"])).Decision.AgentId);
        Assert.Equal("a-person", board.Request(Step("t3", capabilities: ["manual"])).Decision.AgentId);
        var (_, busyReviewer) = board.Request(Step("t4", capabilities: ["review"])).Board.Request(Step("t5", capabilities: ["review"]));
        Assert.Equal("a-person", busyReviewer.AgentId);
        var onlyExternal = Board(External("a-person", "manual")).Request(Step("t6")).Decision;
        Assert.Equal(SeatOutcome.NoFit, onlyExternal.Outcome);
        Assert.EndsWith("External agents take only steps that name their expertise.", onlyExternal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_queens_are_given_a_step_that_requires_a_queen()
    {
        var board = Board(Agent("w1", priority: 10), Agent("q1", AgentType.Queen, priority: 1));

        Assert.Equal("q1", board.Request(Step("t1", type: AgentType.Queen)).Decision.AgentId);
        Assert.Equal("w1", board.Request(Step("t2")).Decision.AgentId);
    }

    [Fact]
    public void The_score_weighs_skill_load_role_priority_and_type_as_documented()
    {
        var specialist = BoardAgent.From(Agent("s", AgentType.Specialist, seats: 4, priority: 10, "x")) with { Holders = ["a/1"] };
        var score = AgentSelector.Score(specialist, Step("t", capabilities: ["x"]), AgentSelector.NeutralReputation);

        // 0.35 × 0.5 (the skill value) + 0.25 × (1 − 1/4) + 0.25 × 1.0 (specialist with the capability) + 0.15 × 10/10
        Assert.Equal(0.175 + 0.1875 + 0.25 + 0.15, score, 9);
    }

    [Fact]
    public void A_step_that_names_an_agent_goes_to_that_agent_or_waits_for_it_and_may_name_an_external_one()
    {
        var person = new AgentProfile("a-person", "a-person", AgentType.Specialist, new ProviderSettings(ProviderSettings.ExternalType, "human"), 1);
        var board = Board(Agent("best", seats: 4, priority: 10), Agent("named", seats: 1, priority: 1), person);

        var (busy, toNamed) = board.Request(Step("t1") with { Agent = "named" });
        var (_, waits) = busy.Request(Step("t2") with { Agent = "named" });
        var (_, toPerson) = board.Request(Step("t3") with { Agent = "a-person" });
        var (_, nobody) = board.Request(Step("t4") with { Agent = "no-such-agent" });

        Assert.Equal((SeatOutcome.Granted, "named"), (toNamed.Outcome, toNamed.AgentId));
        Assert.Equal(SeatOutcome.Queued, waits.Outcome);
        Assert.Equal((SeatOutcome.Granted, "a-person"), (toPerson.Outcome, toPerson.AgentId));
        Assert.Equal(SeatOutcome.NoFit, nobody.Outcome);
        Assert.Contains("the id 'no-such-agent'", nobody.Reason, StringComparison.Ordinal);
    }
}
