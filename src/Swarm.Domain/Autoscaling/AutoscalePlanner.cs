namespace Swarm.Domain.Autoscaling;

/// <summary>
/// Decides one pool's next size. In order: below its minimum, it grows to it; with steps waiting that it could serve,
/// it grows by enough agents to seat them (at most <see cref="PoolLimits.MaxStep"/>, never past the maximum); with
/// nothing waiting, an idle member and its seats used less than <see cref="PoolLimits.ScaleDownBelow"/>, it shrinks by
/// one (never below the minimum). Any change within the cooldown after the pool's last one is held instead, and the
/// hold says what it would have done.
/// </summary>
public static class AutoscalePlanner
{
    public static ScalingDecision Decide(PoolLoad load, PoolLimits limits, DateTimeOffset now, DateTimeOffset? lastChange)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(limits);
        var (to, reason) = Wanted(load, limits);
        if (to == load.Members)
        {
            return new(load.Pool, ScalingAction.Hold, load.Members, load.Members, reason, now);
        }

        if (lastChange is { } last && now - last < limits.Cooldown)
        {
            return new(load.Pool, ScalingAction.Hold, load.Members, load.Members, $"cooling down until {last + limits.Cooldown:u}; would go to {to}: {reason}", now);
        }

        return new(load.Pool, to > load.Members ? ScalingAction.Grow : ScalingAction.Shrink, load.Members, to, reason, now);
    }

    static (int To, string Reason) Wanted(PoolLoad load, PoolLimits limits)
    {
        if (load.Members < limits.Min)
        {
            return (limits.Min, $"below its minimum of {limits.Min}");
        }

        if (load.Waiting > 0)
        {
            if (load.Members >= limits.Max)
            {
                return (load.Members, $"{load.Waiting} steps waiting, but the pool is at its maximum of {limits.Max}");
            }

            var needed = (int)Math.Ceiling((double)load.Waiting / Math.Max(1, load.SeatsPerAgent));
            var add = Math.Min(Math.Min(needed, limits.MaxStep), limits.Max - load.Members);
            return (load.Members + add, $"{load.Waiting} steps waiting for this pool");
        }

        if (load.Members > limits.Min && load.IdleMembers > 0 && load.Utilization < limits.ScaleDownBelow)
        {
            return (load.Members - 1, $"nothing waiting, {load.IdleMembers} idle, {load.Utilization:P0} of seats in use");
        }

        return (load.Members, load.Waiting == 0 ? $"{load.Utilization:P0} of seats in use, nothing waiting" : "steady");
    }
}
