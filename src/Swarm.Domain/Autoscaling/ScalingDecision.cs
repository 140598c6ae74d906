namespace Swarm.Domain.Autoscaling;

/// <summary>What an autoscaling pass decided for a pool, and why; recorded whether or not it changed anything.</summary>
/// <param name="From">Members when the pass looked.</param>
/// <param name="To">Members it asked for (equal to <paramref name="From"/> when it holds).</param>
public sealed record ScalingDecision(string Pool, ScalingAction Action, int From, int To, string Reason, DateTimeOffset At);

/// <summary>The direction of a <see cref="ScalingDecision"/>.</summary>
public enum ScalingAction
{
    Hold,
    Grow,
    Shrink,
}
