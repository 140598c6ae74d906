namespace Swarm.Domain.Autoscaling;

/// <summary>A decision about a pool's size, and why: an autoscaling pass's (recorded whether or not it changed anything), or a person's.</summary>
/// <param name="From">Members when the decision was taken.</param>
/// <param name="To">Members it asked for (equal to <paramref name="From"/> when it holds).</param>
/// <param name="By">Who decided when a person did (the principal's subject, from <c>POST /api/v1/agents/scale</c>); null for the autoscaler.</param>
public sealed record ScalingDecision(string Pool, ScalingAction Action, int From, int To, string Reason, DateTimeOffset At, string? By = null)
{
    /// <summary>A person's scaling of <paramref name="pool"/> from <paramref name="from"/> to <paramref name="to"/> members.</summary>
    public static ScalingDecision Manual(string pool, int from, int to, string asked, string by, DateTimeOffset at) =>
        new(pool, to > from ? ScalingAction.Grow : to < from ? ScalingAction.Shrink : ScalingAction.Hold, from, to, $"scaled by hand ({asked})", at, by);

    /// <summary>
    /// Whether the decision starts the pool's cooldown: every change, and every decision a person took, even one that
    /// kept the size (asking for the size a pool has is a decision too, which autoscaling should not overturn at once).
    /// </summary>
    public bool StartsCooldown => Action != ScalingAction.Hold || By is not null;
}

/// <summary>The direction of a <see cref="ScalingDecision"/>.</summary>
public enum ScalingAction
{
    Hold,
    Grow,
    Shrink,
}
