namespace Swarm.Workflows.Agents;

/// <summary>How long one model call may take before it is abandoned (and, being an activity, retried durably).</summary>
public sealed record ModelCallLimits(TimeSpan Timeout)
{
    public static ModelCallLimits Default { get; } = new(TimeSpan.FromSeconds(120));
}
