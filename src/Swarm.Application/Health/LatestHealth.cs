namespace Swarm.Application.Health;

/// <summary>The most recent periodic health report of this instance; null until the first probe has run.</summary>
public sealed class LatestHealth
{
    public ReadinessReport? Report { get; set; }
}
