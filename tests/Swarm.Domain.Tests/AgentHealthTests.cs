using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Tests;

/// <summary>An agent's health and statistics, counted on the dispatch board from each step's one release.</summary>
public sealed class AgentHealthTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    static DispatchBoard Board() =>
        new DispatchBoard().Register(new AgentProfile("a1", "Agent one", AgentType.Worker, new ProviderSettings("simulated", "m"), 4), accepting: true).Board;

    static DispatchBoard Run(DispatchBoard board, string task, bool succeeded, int minute = 0)
    {
        var (held, decision) = board.Request(new SeatRequest(task, "s1", [], 5, [], null, T0));
        Assert.Equal(SeatOutcome.Granted, decision.Outcome);
        return held.Release(new SeatRelease("a1", $"{task}/s1", [], new WorkOutcome(succeeded, 10, new ModelUsage(5, 7, 0.25m), T0.AddMinutes(minute)))).Board;
    }

    static BoardAgent Agent(DispatchBoard board) => board.Agents["a1"];

    [Fact]
    public void Failed_steps_in_a_row_make_an_agent_unhealthy_and_a_success_resets_the_streak()
    {
        var board = Run(Run(Board(), "t1", false), "t2", false);
        Assert.Equal(AgentStatus.Idle, BoardAgent.StatusOf(AgentLifecycle.Active, Agent(board)));

        var sick = Run(board, "t3", false, minute: 3);
        var recovered = Run(board, "t3", true);

        Assert.Equal(AgentStatus.Unhealthy, BoardAgent.StatusOf(AgentLifecycle.Active, Agent(sick)));
        Assert.Equal(AgentWork.UnhealthyAfter, Agent(sick).Work.ConsecutiveFailures);
        Assert.Equal(T0.AddMinutes(3), Agent(sick).Work.LastActiveAt);
        Assert.False(Agent(sick).Accepting);
        Assert.Equal((true, 0), (Agent(recovered).Accepting, Agent(recovered).Work.ConsecutiveFailures));
    }

    [Fact]
    public void An_unhealthy_agent_is_offered_no_seat_but_a_step_only_it_could_take_waits_for_it()
    {
        var sick = Enumerable.Range(1, 3).Aggregate(Board(), (b, i) => Run(b, $"t{i}", false));

        var (waiting, decision) = sick.Request(new SeatRequest("t9", "s1", [], 5, [], null, T0));

        Assert.Equal(SeatOutcome.Queued, decision.Outcome);
        var (after, grants) = waiting.Reinstate("a1");
        Assert.Equal("t9", Assert.Single(grants).TaskId);
        Assert.Equal(3, after.Agents["a1"].Work.Failed);
    }

    [Fact]
    public void Reinstating_clears_the_streak_and_keeps_the_record()
    {
        var sick = Enumerable.Range(1, 3).Aggregate(Board(), (b, i) => Run(b, $"t{i}", false));

        var reinstated = Agent(sick.Reinstate("a1").Board);

        Assert.True(reinstated.Accepting);
        Assert.Equal((3, 0), (reinstated.Work.Failed, reinstated.Work.ConsecutiveFailures));
    }

    [Fact]
    public void A_release_counts_tokens_cost_and_latency_once_however_often_it_arrives()
    {
        var (held, _) = Board().Request(new SeatRequest("t1", "s1", [], 5, [], null, T0));
        var release = new SeatRelease("a1", "t1/s1", [], new WorkOutcome(true, 40, new ModelUsage(5, 7, 0.25m), T0));

        var once = held.Release(release).Board;
        var twice = once.Release(release).Board;

        Assert.Equal(Agent(once).Work, Agent(twice).Work);
        Assert.Equal((1L, 0L, 40L, 5L, 7L, 0.25m), (Agent(twice).Work.Completed, Agent(twice).Work.Failed, Agent(twice).Work.TotalLatencyMs, Agent(twice).Work.InputTokens, Agent(twice).Work.OutputTokens, Agent(twice).Work.CostUsd));
        Assert.Empty(Agent(twice).Holders);
    }

    [Fact]
    public void Freeing_a_seat_for_a_canceled_task_neither_counts_nor_judges_the_agent()
    {
        var (held, _) = Board().Request(new SeatRequest("t1", "s1", [], 5, [], null, T0));

        var freed = Agent(held.Release(new SeatRelease("a1", "t1/s1", [])).Board);

        Assert.Empty(freed.Holders);
        Assert.Equal(new AgentWork(), freed.Work);
        Assert.Empty(freed.Reputation);
    }

    [Fact]
    public void A_draining_agent_is_never_called_unhealthy()
    {
        var (holding, _) = Board().Request(new SeatRequest("t0", "s1", [], 5, [], null, T0));
        var sick = Enumerable.Range(1, 3).Aggregate(holding, (b, i) => Run(b, $"t{i}", false));

        var (leaving, withdrawal) = sick.Withdraw("a1");

        Assert.True(Agent(sick).IsUnhealthy);
        Assert.False(withdrawal.Left);
        Assert.False(Agent(leaving).IsUnhealthy);
        Assert.Equal(AgentStatus.Draining, BoardAgent.StatusOf(AgentLifecycle.Draining, Agent(leaving)));
    }

    [Fact]
    public void The_learning_pass_fades_skill_no_outcome_confirmed_since_the_last_pass()
    {
        var board = Run(Run(Board(), "t1", true), "t2", true)
            .Register(new AgentProfile("a2", "Agent two", AgentType.Worker, new ProviderSettings("simulated", "m"), 4), accepting: true).Board;
        var learned = Agent(board).SkillOf("general");

        var first = board.Relax(0.5, T0.AddMinutes(15));
        // Plain work went on, to a2, between the passes: a1's record of it is unconfirmed.
        var othersWorked = first.Learn(new SkillSignal("release:t9/s1", SkillKind.Outcome, "a2", [], 1, 1, T0.AddMinutes(20)));
        var second = othersWorked.Relax(0.5, T0.AddMinutes(30));
        var confirmed = Run(first, "t3", true, minute: 20).Relax(0.5, T0.AddMinutes(30));

        Assert.Equal(learned, Agent(first).SkillOf("general"));
        Assert.Equal(learned.Evidence * 0.5, Agent(second).SkillOf("general").Evidence, 9);
        Assert.Equal(Agent(second).SkillOf("general").Mean, Agent(second).Reputation["general"]);
        Assert.True(Agent(confirmed).SkillOf("general").Mean > learned.Mean);
    }
}
