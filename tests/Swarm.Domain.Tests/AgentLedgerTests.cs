using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Domain.Tests;

public sealed class AgentLedgerTests
{
    static AgentLedger Ledger() => new()
    {
        Profile = new AgentProfile("a1", "Agent one", AgentType.Worker, new ProviderSettings("simulated", "m"), 2),
    };

    [Fact]
    public void An_active_agent_must_drain_before_it_can_retire()
    {
        var (ledger, retired) = Ledger().Retire(new AgentWork { Completed = 3 });

        Assert.False(retired);
        Assert.Equal(AgentLifecycle.Active, ledger.Lifecycle);
        Assert.Null(ledger.FinalWork);
    }

    [Fact]
    public void A_draining_agent_retires_keeping_the_record_the_dispatch_board_handed_over()
    {
        var work = new AgentWork { Completed = 3, Failed = 1, TotalLatencyMs = 400 };

        var (ledger, retired) = Ledger().Drain().Retire(work);

        Assert.True(retired);
        Assert.Equal(AgentLifecycle.Retired, ledger.Lifecycle);
        Assert.Equal(work, ledger.FinalWork);
        Assert.Equal(100, ledger.FinalWork!.MeanLatencyMs);
    }

    [Fact]
    public void Retiring_again_or_draining_a_retired_agent_changes_nothing()
    {
        var (retired, _) = Ledger().Drain().Retire(new AgentWork { Completed = 1 });

        var (again, stillRetired) = retired.Retire(null);

        Assert.True(stillRetired);
        Assert.Same(retired, again);
        Assert.Same(retired, retired.Drain());
    }
}
