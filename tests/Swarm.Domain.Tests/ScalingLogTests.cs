using Swarm.Domain.Autoscaling;

namespace Swarm.Domain.Tests;

public sealed class ScalingLogTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    static readonly PoolLimits Limits = new(Min: 1, Max: 10, Cooldown: TimeSpan.FromMinutes(5), ScaleDownBelow: 0.25, MaxStep: 2);

    static DateTimeOffset? LastChange(ScalingLog log) => log.LastChange.TryGetValue("worker", out var at) ? at : null;

    [Fact]
    public void A_manual_scale_starts_the_pools_cooldown_so_the_next_pass_holds_instead_of_shrinking_it_back()
    {
        var log = new ScalingLog().WithManual(ScalingDecision.Manual("worker", 1, 5, "target 5", "alice", Now));
        var idleFive = new PoolLoad("worker", 5, IdleMembers: 5, SeatsInUse: 0, SeatsTotal: 10, SeatsPerAgent: 2, Waiting: 0);

        var next = AutoscalePlanner.Decide(idleFive, Limits, Now.AddSeconds(12), LastChange(log));
        var later = AutoscalePlanner.Decide(idleFive, Limits, Now.AddMinutes(6), LastChange(log));

        Assert.Equal(ScalingAction.Hold, next.Action);
        Assert.Contains("cooling down", next.Reason, StringComparison.Ordinal);
        Assert.Equal(ScalingAction.Shrink, later.Action);
    }

    [Fact]
    public void A_manual_scale_is_kept_among_the_decisions_with_who_asked_and_leaves_the_last_pass_alone()
    {
        var log = new ScalingLog().WithManual(ScalingDecision.Manual("worker", 4, 2, "delta -2", "alice", Now));

        var decision = Assert.Single(log.Recent);
        Assert.Equal((ScalingAction.Shrink, 4, 2, "alice"), (decision.Action, decision.From, decision.To, decision.By));
        Assert.Contains("delta -2", decision.Reason, StringComparison.Ordinal);
        Assert.Null(log.LastPass);
    }

    [Fact]
    public void Asking_by_hand_for_the_size_a_pool_has_still_holds_it_for_a_cooldown()
    {
        var log = new ScalingLog().WithManual(ScalingDecision.Manual("worker", 3, 3, "target 3", "alice", Now));

        Assert.Equal(ScalingAction.Hold, log.Recent[0].Action);
        Assert.Equal(Now, LastChange(log));
    }

    [Fact]
    public void A_pass_recorded_after_a_manual_scale_it_did_not_see_does_not_move_the_cooldown_back()
    {
        var manual = new ScalingLog().WithManual(ScalingDecision.Manual("worker", 1, 5, "target 5", "alice", Now));

        var stale = manual.With([new ScalingDecision("worker", ScalingAction.Grow, 1, 2, "1 steps waiting for this pool", Now.AddSeconds(-1))], Now.AddSeconds(-1));

        Assert.Equal(Now, LastChange(stale));
        Assert.Equal(2, stale.Recent.Count);
    }
}
