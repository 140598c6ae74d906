namespace Swarm.Providers.Configuration;

/// <summary>One simulated model: how fast, how flaky, how often right (per capability), and how it uses tools.</summary>
public sealed class SimulatedProfile
{
    public int LatencyMs { get; set; }

    public int LatencyJitterMs { get; set; }

    public double FailureRate { get; set; }

    public double Accuracy { get; set; } = 1.0;

    /// <summary>Accuracy for tasks needing a given capability, overriding <see cref="Accuracy"/>.</summary>
    public Dictionary<string, double> CapabilityAccuracy { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Offered tools, the rounds of tool calls before the final answer; 0 never calls a tool.</summary>
    public int ToolRounds { get; set; } = 1;

    /// <summary>Tool calls asked for at once in each round.</summary>
    public int ToolCallsPerRound { get; set; } = 1;
}
