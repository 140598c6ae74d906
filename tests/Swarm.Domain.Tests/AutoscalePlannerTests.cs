using Swarm.Domain.Autoscaling;

namespace Swarm.Domain.Tests;

public sealed class AutoscalePlannerTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    static readonly PoolLimits Limits = new(Min: 1, Max: 5, Cooldown: TimeSpan.FromMinutes(5), ScaleDownBelow: 0.25, MaxStep: 2);

    static PoolLoad Load(int members, int idle = 0, int inUse = 0, int waiting = 0, int seatsPerAgent = 2) =>
        new("worker", members, idle, inUse, members * seatsPerAgent, seatsPerAgent, waiting);

    [Fact]
    public void Waiting_steps_grow_the_pool_by_the_agents_needed_to_seat_them_capped_by_the_step()
    {
        var one = AutoscalePlanner.Decide(Load(2, inUse: 4, waiting: 1), Limits, Now, null);
        var many = AutoscalePlanner.Decide(Load(2, inUse: 4, waiting: 9), Limits, Now, null);

        Assert.Equal((ScalingAction.Grow, 3), (one.Action, one.To));
        Assert.Equal((ScalingAction.Grow, 4), (many.Action, many.To));
        Assert.Contains("9 steps waiting", many.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_holds_even_with_steps_waiting()
    {
        var nearly = AutoscalePlanner.Decide(Load(4, inUse: 8, waiting: 10), Limits, Now, null);
        var full = AutoscalePlanner.Decide(Load(5, inUse: 10, waiting: 10), Limits, Now, null);

        Assert.Equal(5, nearly.To);
        Assert.Equal(ScalingAction.Hold, full.Action);
        Assert.Contains("maximum of 5", full.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idle_underused_pool_shrinks_by_one_but_never_below_its_minimum()
    {
        var idle = AutoscalePlanner.Decide(Load(3, idle: 3), Limits, Now, null);
        var atMin = AutoscalePlanner.Decide(Load(1, idle: 1), Limits, Now, null);
        var busy = AutoscalePlanner.Decide(Load(3, idle: 1, inUse: 4), Limits, Now, null);

        Assert.Equal((ScalingAction.Shrink, 2), (idle.Action, idle.To));
        Assert.Equal(ScalingAction.Hold, atMin.Action);
        Assert.Equal(ScalingAction.Hold, busy.Action);
    }

    [Fact]
    public void A_pool_below_its_minimum_grows_to_it()
    {
        var decision = AutoscalePlanner.Decide(Load(0), Limits with { Min = 2 }, Now, null);

        Assert.Equal((ScalingAction.Grow, 2), (decision.Action, decision.To));
    }

    [Fact]
    public void A_change_within_the_cooldown_is_held_and_says_what_it_would_have_done()
    {
        var recent = AutoscalePlanner.Decide(Load(2, inUse: 4, waiting: 3), Limits, Now, Now.AddMinutes(-2));
        var after = AutoscalePlanner.Decide(Load(2, inUse: 4, waiting: 3), Limits, Now, Now.AddMinutes(-6));

        Assert.Equal(ScalingAction.Hold, recent.Action);
        Assert.Contains("cooling down", recent.Reason, StringComparison.Ordinal);
        Assert.Contains("would go to 4", recent.Reason, StringComparison.Ordinal);
        Assert.Equal(ScalingAction.Grow, after.Action);
    }
}
