namespace Swarm.Providers.Configuration;

/// <summary>
/// The offline provider. An agent's <c>provider.model</c> names one of the <see cref="Profiles"/> (its quality, latency
/// and failure rate); a model with no profile gets the defaults in this block.
/// </summary>
public sealed class SimulatedProviderSettings : ProviderCallSettings
{
    public SimulatedProviderSettings()
    {
        // Its faults are the point of it: retries here would hide them from the workflows being exercised.
        MaxRetries = 0;
        MaxConcurrency = 1024;
    }

    /// <summary>Seeds the random draws (quality, latency, faults), so a benchmark can be repeated exactly; random when 0.</summary>
    public int Seed { get; set; }

    /// <summary>Shortest time an answer takes.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Up to this much more, drawn uniformly per call.</summary>
    public int LatencyJitterMs { get; set; }

    /// <summary>Share of calls that fail like an overloaded vendor (HTTP 503), 0 to 1.</summary>
    public double FailureRate { get; set; }

    /// <summary>Share of calls answered with the right answer, 0 to 1; the rest get a plausible wrong one.</summary>
    public double Accuracy { get; set; } = 1.0;

    /// <summary>
    /// Offered tools, how many rounds of tool calls it makes before its final answer (each round answered with the
    /// tools' results); 0 never calls a tool.
    /// </summary>
    public int ToolRounds { get; set; } = 1;

    /// <summary>How many tool calls each of those rounds asks for at once.</summary>
    public int ToolCallsPerRound { get; set; } = 1;

    /// <summary>Named profiles an agent picks with its <c>provider.model</c>.</summary>
    public Dictionary<string, SimulatedProfile> Profiles { get; set; } = new(StringComparer.Ordinal);
}
