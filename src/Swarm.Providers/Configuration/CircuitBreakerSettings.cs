namespace Swarm.Providers.Configuration;

/// <summary>
/// One breaker per provider and model. It opens when at least <see cref="FailureRatio"/> of the calls in the last
/// <see cref="SamplingSeconds"/> failed (and there were at least <see cref="MinimumThroughput"/>), refuses calls for
/// <see cref="BreakSeconds"/>, then lets one trial call through.
/// </summary>
public sealed class CircuitBreakerSettings
{
    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 4;

    public int SamplingSeconds { get; set; } = 30;

    public double BreakSeconds { get; set; } = 30;
}
