using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tests.Entities;

/// <summary>The dispatcher entity run directly: what it stores, answers and asks to be delivered.</summary>
public sealed class DispatcherEntityTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    static AgentProfile Worker(string id, int seats = 1) => new(id, id, AgentType.Worker, new ProviderSettings("simulated", "m"), seats);

    static SeatRequest Step(string task) => new(task, "s1", [], 5, [], null, T0);

    static async Task<EntityOperations<DispatcherEntity>> WithAgentsAsync(params AgentProfile[] agents)
    {
        var dispatcher = new EntityOperations<DispatcherEntity>(DispatcherEntity.Id);
        foreach (var agent in agents)
        {
            await dispatcher.RunAsync(nameof(DispatcherEntity.Register), new AgentRegistration(agent, true));
        }

        return dispatcher;
    }

    [Fact]
    public async Task A_seat_freed_for_a_waiting_step_is_delivered_by_a_seat_offer_carrying_the_agent()
    {
        var dispatcher = await WithAgentsAsync(Worker("a1"));
        var granted = await dispatcher.RunAsync<SeatDecision>(nameof(DispatcherEntity.Request), Step("t1"));
        var queued = await dispatcher.RunAsync<SeatDecision>(nameof(DispatcherEntity.Request), Step("t2"));

        await dispatcher.RunAsync(nameof(DispatcherEntity.Release), new SeatRelease("a1", "t1/s1", [], new WorkOutcome(true, 5, new ModelUsage(1, 1, 0), T0)));

        Assert.Equal((SeatOutcome.Granted, SeatOutcome.Queued), (granted!.Outcome, queued!.Outcome));
        var (name, input) = Assert.Single(dispatcher.Context.Started);
        Assert.Equal(nameof(SeatOfferOrchestrator), name);
        var offer = Assert.IsType<SeatGrant>(input);
        Assert.Equal(("t2", "a1"), (offer.TaskId, offer.Agent.Id));
        Assert.Empty(dispatcher.Context.Signals);
    }

    [Fact]
    public async Task A_retiring_agent_that_gives_back_its_last_seat_is_announced_to_its_retirement_with_its_record()
    {
        var dispatcher = await WithAgentsAsync(Worker("a1"));
        await dispatcher.RunAsync(nameof(DispatcherEntity.Request), Step("t1"));

        var withdrawal = await dispatcher.RunAsync<Withdrawal>(nameof(DispatcherEntity.Withdraw), new AgentWithdrawal("a1", "retire-agent-a1"));
        await dispatcher.RunAsync(nameof(DispatcherEntity.Release), new SeatRelease("a1", "t1/s1", [], new WorkOutcome(true, 5, new ModelUsage(2, 3, 0.1m), T0)));

        Assert.False(withdrawal!.Left);
        var (name, input) = Assert.Single(dispatcher.Context.Started);
        Assert.Equal(nameof(AgentLeftNoticeOrchestrator), name);
        var departure = Assert.IsType<AgentDeparture>(input);
        Assert.Equal(["retire-agent-a1"], departure.Watchers);
        Assert.Equal((1L, 2L, 3L, 0.1m), (departure.Work.Completed, departure.Work.InputTokens, departure.Work.OutputTokens, departure.Work.CostUsd));
        Assert.Empty(Assert.IsType<DispatchBoard>(dispatcher.State).Agents);
    }

    [Fact]
    public async Task An_unhealthy_agent_is_reinstated_on_the_board_itself_without_signalling_anyone()
    {
        var dispatcher = await WithAgentsAsync(Worker("a1"));
        for (var i = 0; i < AgentWork.UnhealthyAfter; i++)
        {
            await dispatcher.RunAsync(nameof(DispatcherEntity.Request), Step($"t{i}"));
            await dispatcher.RunAsync(nameof(DispatcherEntity.Release), new SeatRelease("a1", $"t{i}/s1", [], WorkOutcome.Failure(T0)));
        }

        var whileSick = await dispatcher.RunAsync<SeatDecision>(nameof(DispatcherEntity.Request), Step("later"));
        await dispatcher.RunAsync(nameof(DispatcherEntity.Reinstate), "a1");

        Assert.Equal(SeatOutcome.Queued, whileSick!.Outcome);
        Assert.Equal("later", Assert.IsType<SeatGrant>(Assert.Single(dispatcher.Context.Started).Input).TaskId);
        Assert.Empty(dispatcher.Context.Signals);
    }

    [Fact]
    public async Task An_agent_that_goes_unhealthy_is_announced_to_the_operators_once_when_its_task_has_the_channel_on()
    {
        var dispatcher = await WithAgentsAsync(Worker("a1"));
        for (var i = 0; i < AgentWork.UnhealthyAfter + 1; i++)
        {
            // The step after it went unhealthy was granted before: only the change is news, not each failure after it.
            await dispatcher.RunAsync(nameof(DispatcherEntity.Request), Step($"t{i}"));
            await dispatcher.RunAsync(nameof(DispatcherEntity.Release), new SeatRelease("a1", $"t{i}/s1", [], WorkOutcome.Failure(T0), Announce: true));
        }

        var (name, input) = Assert.Single(dispatcher.Context.Started, s => s.Name == nameof(AgentHealthNoticeOrchestrator));
        var notice = Assert.IsType<RealtimeDelivery>(input);
        Assert.Equal((RealtimeAudience.Group(RealtimeGroups.Operators), RealtimeEvents.AgentHealthChanged), (notice.To, notice.Type));
        Assert.Equal(("a1", "unhealthy"), (notice.Data.GetProperty("agentId").GetString(), notice.Data.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_agent_that_goes_unhealthy_on_a_task_without_the_channel_is_not_announced()
    {
        var dispatcher = await WithAgentsAsync(Worker("a1"));
        for (var i = 0; i < AgentWork.UnhealthyAfter; i++)
        {
            await dispatcher.RunAsync(nameof(DispatcherEntity.Request), Step($"t{i}"));
            await dispatcher.RunAsync(nameof(DispatcherEntity.Release), new SeatRelease("a1", $"t{i}/s1", [], WorkOutcome.Failure(T0)));
        }

        Assert.True(Assert.IsType<DispatchBoard>(dispatcher.State).Agents["a1"].IsUnhealthy);
        Assert.DoesNotContain(dispatcher.Context.Started, s => s.Name == nameof(AgentHealthNoticeOrchestrator));
    }
}
