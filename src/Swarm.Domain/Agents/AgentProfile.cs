namespace Swarm.Domain.Agents;

/// <summary>What an agent is: the spec's agent configuration.</summary>
/// <param name="Id">Stable agent id; also the key of its durable entity.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Queen, worker or specialist.</param>
/// <param name="Provider">The model the agent calls.</param>
/// <param name="MaxConcurrency">How many tasks the agent may run at once; never exceeded.</param>
/// <param name="Role">Role kind, permissions, expertise and priority; <see cref="AgentRole.Default"/> when omitted.</param>
/// <param name="AutoScale">Whether autoscaling may add or remove agents like this one.</param>
public sealed record AgentProfile(string Id, string Name, AgentType Type, ProviderSettings Provider, int MaxConcurrency, AgentRole? Role = null, bool AutoScale = false)
{
    /// <summary>The spec's provider types. Which of them this build can call is the providers' business, not the profile's.</summary>
    public static IReadOnlyList<string> ProviderTypes { get; } = [ProviderSettings.SimulatedType, "qwen", "openai", "claude", "local", "custom", ProviderSettings.ExternalType];

    public AgentRole EffectiveRole => Role ?? AgentRole.Default;
}
