using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>How a step went on its agent, carried by the one <see cref="SeatRelease"/> that ends the step.</summary>
/// <param name="Succeeded">Whether the agent answered.</param>
/// <param name="LatencyMs">How long the agent worked on it.</param>
/// <param name="Usage">Tokens and cost of its model calls (zero for an external agent that reported none).</param>
/// <param name="At">When the step ended, by the orchestration's clock.</param>
public sealed record WorkOutcome(bool Succeeded, long LatencyMs, ModelUsage Usage, DateTimeOffset At)
{
    /// <summary>A failure the agent is blamed for without having reported anything (a stalled task ended by self-healing).</summary>
    public static WorkOutcome Failure(DateTimeOffset at) => new(false, 0, new ModelUsage(0, 0, 0), at);
}
