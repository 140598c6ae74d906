namespace Swarm.Workflows.Agents;

/// <summary>
/// Keys the provider stack writes into <c>ChatResponse.AdditionalProperties</c>, so an activity can read who answered
/// and what it cost without knowing the stack.
/// </summary>
public static class ModelResponseProperties
{
    /// <summary>The provider type that answered (after any fallback).</summary>
    public const string Provider = "swarm.provider";

    /// <summary>The answer's cost in US dollars (decimal), present only when the model has a price.</summary>
    public const string CostUsd = "swarm.costUsd";

    /// <summary>True when the simulated provider answered.</summary>
    public const string Simulated = "swarm.simulated";

    /// <summary>The routes that failed before the one that answered, each with its reason (string array).</summary>
    public const string FallbackFrom = "swarm.fallbackFrom";

    /// <summary>Carried in <c>ChatOptions.AdditionalProperties</c>: the capability a task needs (the simulated provider's quality depends on it).</summary>
    public const string Capability = "swarm.capability";

    /// <summary>Carried in <c>ChatOptions.AdditionalProperties</c> by a ballot: the question voted on, without the instructions around it.</summary>
    public const string Question = "swarm.question";

    /// <summary>Carried in <c>ChatOptions.AdditionalProperties</c>: the agent making the call.</summary>
    public const string AgentId = "swarm.agentId";
}
