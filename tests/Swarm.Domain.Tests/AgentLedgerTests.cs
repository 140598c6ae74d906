using Swarm.Domain.Agents;

namespace Swarm.Domain.Tests;

public sealed class AgentLedgerTests
{
    static AgentLedger Ledger(int maxConcurrency) => new()
    {
        Profile = new AgentProfile("a1", "Agent one", AgentType.Worker, new ProviderSettings("simulated", "m"), maxConcurrency),
    };

    [Fact]
    public void Claims_are_granted_up_to_max_concurrency_and_refused_after()
    {
        var ledger = Ledger(2);

        (ledger, var first) = ledger.Claim("t1");
        (ledger, var second) = ledger.Claim("t2");
        (ledger, var third) = ledger.Claim("t3");

        Assert.True(first);
        Assert.True(second);
        Assert.False(third);
        Assert.Equal(["t1", "t2"], ledger.ActiveTasks);
    }

    [Fact]
    public void Claiming_again_for_the_same_task_takes_no_second_slot()
    {
        var ledger = Ledger(1);

        (ledger, _) = ledger.Claim("t1");
        (ledger, var again) = ledger.Claim("t1");

        Assert.True(again);
        Assert.Equal(1, ledger.Load);
    }

    [Fact]
    public void Release_frees_the_slot_and_counts_the_outcome_once()
    {
        var ledger = Ledger(1);
        (ledger, _) = ledger.Claim("t1");

        ledger = ledger.Release("t1", succeeded: true, latencyMs: 40);
        ledger = ledger.Release("t1", succeeded: true, latencyMs: 40);
        (ledger, var next) = ledger.Claim("t2");
        ledger = ledger.Release("t2", succeeded: false, latencyMs: 10);

        Assert.True(next);
        Assert.Equal(1, ledger.Completed);
        Assert.Equal(1, ledger.Failed);
        Assert.Equal(50, ledger.TotalLatencyMs);
        Assert.Empty(ledger.ActiveTasks);
    }

    [Fact]
    public void Releasing_a_task_the_agent_does_not_hold_changes_nothing()
    {
        var ledger = Ledger(1);

        var after = ledger.Release("never-claimed", succeeded: true, latencyMs: 5);

        Assert.Same(ledger, after);
    }
}

public sealed class AgentLedgerLifecycleTests
{
    static AgentLedger Ledger() => new()
    {
        Profile = new AgentProfile("a1", "Agent one", AgentType.Worker, new ProviderSettings("simulated", "m"), 2),
    };

    [Fact]
    public void A_draining_agent_takes_no_new_task_and_retires_only_when_its_tasks_are_done()
    {
        var (ledger, _) = Ledger().Claim("t1");
        ledger = ledger.Drain();

        var (afterClaim, granted) = ledger.Claim("t2");
        var (stillDraining, retiredEarly) = afterClaim.Retire();
        var (retired, retiredNow) = stillDraining.Release("t1", true, 10).Retire();

        Assert.False(granted);
        Assert.Equal(AgentStatus.Draining, afterClaim.Status);
        Assert.False(retiredEarly);
        Assert.True(retiredNow);
        Assert.Equal(AgentStatus.Retired, retired.Status);
    }

    [Fact]
    public void An_active_agent_is_idle_or_busy_by_its_load_and_cannot_retire_without_draining()
    {
        var idle = Ledger();
        var (busy, _) = idle.Claim("t1");

        Assert.Equal(AgentStatus.Idle, idle.Status);
        Assert.Equal(AgentStatus.Busy, busy.Status);
        Assert.False(idle.Retire().Retired);
    }
}
