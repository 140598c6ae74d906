namespace Swarm.Providers.Configuration;

/// <summary>One simulated model: how fast, how flaky and how often right, per capability.</summary>
public sealed class SimulatedProfile
{
    public int LatencyMs { get; set; }

    public int LatencyJitterMs { get; set; }

    public double FailureRate { get; set; }

    public double Accuracy { get; set; } = 1.0;

    /// <summary>Accuracy for tasks needing a given capability, overriding <see cref="Accuracy"/>.</summary>
    public Dictionary<string, double> CapabilityAccuracy { get; set; } = new(StringComparer.Ordinal);
}
