using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Agents;

namespace Swarm.Workflows.Tests.Entities;

/// <summary>The agent entity run directly: it keeps the profile and lifecycle, and the record the board hands it at retirement.</summary>
public sealed class AgentEntityTests
{
    static AgentProfile Worker(string model = "m") => new("a1", "a1", AgentType.Worker, new ProviderSettings("simulated", model), 2);

    [Fact]
    public async Task Provisioning_again_updates_the_profile_and_keeps_the_lifecycle()
    {
        var agent = new EntityOperations<AgentEntity>(AgentEntity.IdFor("a1"));
        await agent.RunAsync(nameof(AgentEntity.Provision), Worker());
        await agent.RunAsync(nameof(AgentEntity.Drain));

        var updated = await agent.RunAsync<AgentLedger>(nameof(AgentEntity.Provision), Worker("m2"));

        Assert.Equal(("m2", AgentLifecycle.Draining), (updated!.Profile.Provider.Model, updated.Lifecycle));
        Assert.Empty(agent.Context.Signals);
    }

    [Fact]
    public async Task Only_a_draining_agent_retires_and_it_keeps_the_record_the_board_handed_over()
    {
        var agent = new EntityOperations<AgentEntity>(AgentEntity.IdFor("a1"));
        await agent.RunAsync(nameof(AgentEntity.Provision), Worker());
        var work = new AgentWork { Completed = 4, Failed = 1, InputTokens = 50 };

        var whileActive = await agent.RunAsync<bool>(nameof(AgentEntity.Retire), work);
        await agent.RunAsync(nameof(AgentEntity.Drain));
        var retired = await agent.RunAsync<bool>(nameof(AgentEntity.Retire), work);

        Assert.False(whileActive);
        Assert.True(retired);
        var ledger = Assert.IsType<AgentLedger>(agent.State);
        Assert.Equal((AgentLifecycle.Retired, work), (ledger.Lifecycle, ledger.FinalWork));
    }

    [Fact]
    public async Task A_retired_agent_provisioned_again_starts_over()
    {
        var agent = new EntityOperations<AgentEntity>(AgentEntity.IdFor("a1"));
        await agent.RunAsync(nameof(AgentEntity.Provision), Worker());
        await agent.RunAsync(nameof(AgentEntity.Drain));
        await agent.RunAsync(nameof(AgentEntity.Retire), new AgentWork { Completed = 9 });

        var reborn = await agent.RunAsync<AgentLedger>(nameof(AgentEntity.Provision), Worker());

        Assert.Equal((AgentLifecycle.Active, (AgentWork?)null), (reborn!.Lifecycle, reborn.FinalWork));
    }

    [Fact]
    public async Task Each_agent_made_again_under_a_retired_id_is_a_generation_on_and_updating_one_keeps_its_generation()
    {
        var agent = new EntityOperations<AgentEntity>(AgentEntity.IdFor("a1"));
        var first = await agent.RunAsync<AgentLedger>(nameof(AgentEntity.Provision), Worker());
        var generations = new List<int> { first!.Generation };
        for (var i = 0; i < 2; i++)
        {
            await agent.RunAsync(nameof(AgentEntity.Drain));
            await agent.RunAsync(nameof(AgentEntity.Retire), new AgentWork());
            generations.Add((await agent.RunAsync<AgentLedger>(nameof(AgentEntity.Provision), Worker()))!.Generation);
        }

        var updated = await agent.RunAsync<AgentLedger>(nameof(AgentEntity.Provision), Worker("m2"));

        Assert.Equal([0, 1, 2], generations);
        Assert.Equal(2, updated!.Generation);
    }
}
