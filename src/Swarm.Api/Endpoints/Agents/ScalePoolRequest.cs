using Swarm.Domain.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// The body of <c>POST /api/v1/agents/scale</c>: the pool (type and expertise), either a <c>target</c> size or a
/// <c>delta</c>, and optionally what new members are made of (name, provider, maxConcurrency, autoScale). Fields left
/// out are copied from a member of the pool; a pool without members needs <c>provider</c> to grow.
/// </summary>
public sealed record ScalePoolRequest(
    AgentType? Type,
    IReadOnlyList<string>? Expertise,
    int? Target,
    int? Delta,
    string? Name,
    CreateAgentRequest.ProviderBody? Provider,
    int? MaxConcurrency,
    bool? AutoScale)
{
    /// <summary>The fields new members get from this request; the rest come from a member.</summary>
    public PoolTemplate Template() => new(
        Name,
        Provider is null ? null : new ProviderSettings(Provider.Type ?? string.Empty, Provider.Model ?? string.Empty, Provider.MaxTokens ?? 4000, Provider.Temperature ?? 0.7),
        MaxConcurrency,
        AutoScale);
}
