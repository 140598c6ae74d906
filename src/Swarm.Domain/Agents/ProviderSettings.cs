namespace Swarm.Domain.Agents;

/// <summary>Which model an agent talks to, as in the spec's agent configuration (<c>provider</c>).</summary>
/// <param name="Type">Provider type name: <c>simulated</c> now; <c>qwen</c>, <c>openai</c>, <c>claude</c>, <c>local</c>, <c>custom</c> later.</param>
/// <param name="Model">Model name passed to the provider.</param>
/// <param name="MaxTokens">Upper bound on generated tokens.</param>
/// <param name="Temperature">Sampling temperature, 0 to 2.</param>
public sealed record ProviderSettings(string Type, string Model, int MaxTokens = 4000, double Temperature = 0.7)
{
    /// <summary>The offline provider's type name; its answers are always labelled simulated.</summary>
    public const string SimulatedType = "simulated";

    /// <summary>An agent that works outside the swarm and posts its answers (the spec's <c>task_result</c>); it has no model here.</summary>
    public const string ExternalType = "external";
}
