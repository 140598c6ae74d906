namespace Swarm.Domain.Agents;

/// <summary>What an agent is: the spec's agent configuration.</summary>
/// <param name="Id">Stable agent id; also the key of its durable entity.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Queen, worker or specialist.</param>
/// <param name="Provider">The model the agent calls.</param>
/// <param name="MaxConcurrency">How many tasks the agent may run at once; never exceeded.</param>
/// <param name="Role">Role kind, permissions, expertise and priority; <see cref="AgentRole.Default"/> when omitted.</param>
/// <param name="AutoScale">Whether autoscaling may add or remove agents like this one.</param>
/// <param name="Instructions">The agent's system prompt; null for its type's default (<see cref="AgentInstructions"/>).</param>
/// <param name="Tools">The tools it may use, as names or patterns (<see cref="ToolPatterns"/>); null or empty for none.</param>
/// <param name="MaxTurns">Model calls one step may take; null for <see cref="AgentLoopLimits.Default"/>.</param>
/// <param name="MaxToolCalls">Tool calls one step may make; null for <see cref="AgentLoopLimits.Default"/>.</param>
public sealed record AgentProfile(
    string Id,
    string Name,
    AgentType Type,
    ProviderSettings Provider,
    int MaxConcurrency,
    AgentRole? Role = null,
    bool AutoScale = false,
    string? Instructions = null,
    IReadOnlyList<string>? Tools = null,
    int? MaxTurns = null,
    int? MaxToolCalls = null)
{
    /// <summary>The spec's provider types. Which of them this build can call is the providers' business, not the profile's.</summary>
    public static IReadOnlyList<string> ProviderTypes { get; } = [ProviderSettings.SimulatedType, "qwen", "openai", "claude", "local", "custom", ProviderSettings.ExternalType];

    public AgentRole EffectiveRole => Role ?? AgentRole.Default;

    /// <summary>Whether the agent was given any tool, so its steps run the tool loop and recall memory.</summary>
    public bool HasTools => Tools is { Count: > 0 };
}
