using Swarm.Domain.Agents;

namespace Swarm.Domain.Tests;

public sealed class AgentHealthTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    static AgentLedger Ledger() => new() { Profile = new AgentProfile("a1", "Agent one", AgentType.Worker, new ProviderSettings("simulated", "m"), 4) };

    static AgentLedger Run(AgentLedger ledger, string task, bool succeeded) => ledger.Claim(task).Ledger.Release(task, succeeded, 10, at: T0);

    [Fact]
    public void Failed_steps_in_a_row_make_an_agent_unhealthy_and_a_success_resets_the_streak()
    {
        var ledger = Ledger();
        ledger = Run(ledger, "t1", false);
        ledger = Run(ledger, "t2", false);
        Assert.Equal(AgentStatus.Idle, ledger.Status);

        var sick = Run(ledger, "t3", false);
        var recovered = Run(ledger, "t3", true);

        Assert.Equal(AgentStatus.Unhealthy, sick.Status);
        Assert.Equal(AgentLedger.UnhealthyAfter, sick.ConsecutiveFailures);
        Assert.Equal(T0, sick.LastActiveAt);
        Assert.Equal((AgentStatus.Idle, 0), (recovered.Status, recovered.ConsecutiveFailures));
    }

    [Fact]
    public void Reinstating_clears_the_streak_and_keeps_the_record()
    {
        var sick = Enumerable.Range(1, 3).Aggregate(Ledger(), (l, i) => Run(l, $"t{i}", false));

        var reinstated = sick.Reinstate();

        Assert.Equal(AgentStatus.Idle, reinstated.Status);
        Assert.Equal(3, reinstated.Failed);
    }

    [Fact]
    public void Freeing_a_slot_for_a_canceled_task_neither_counts_nor_judges_the_agent()
    {
        var (claimed, _) = Ledger().Claim("t1");

        var freed = claimed.Free("t1");

        Assert.Empty(freed.ActiveTasks);
        Assert.Equal((0, 0, 0), (freed.Completed, freed.Failed, freed.ConsecutiveFailures));
    }

    [Fact]
    public void A_draining_agent_is_never_called_unhealthy()
    {
        var sick = Enumerable.Range(1, 3).Aggregate(Ledger(), (l, i) => Run(l, $"t{i}", false));

        Assert.Equal(AgentStatus.Draining, sick.Drain().Status);
    }
}
