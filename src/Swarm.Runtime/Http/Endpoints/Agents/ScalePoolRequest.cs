using Swarm.Domain.Agents;

namespace Swarm.Runtime.Http.Endpoints.Agents;

/// <summary>
/// The body of <c>POST /api/v1/agents/scale</c>: the pool (type and expertise), either a <c>target</c> size or a
/// <c>delta</c>, and optionally what new members are made of (name, provider, maxConcurrency; the spec's defaults otherwise).
/// </summary>
public sealed record ScalePoolRequest(
    AgentType? Type,
    IReadOnlyList<string>? Expertise,
    int? Target,
    int? Delta,
    string? Name,
    CreateAgentRequest.ProviderBody? Provider,
    int? MaxConcurrency);
