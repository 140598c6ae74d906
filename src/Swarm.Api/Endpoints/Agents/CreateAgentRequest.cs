using Swarm.Domain.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>
/// The body of <c>POST /api/v1/agents</c>: the spec's agent configuration, plus what the agent does with its model:
/// <c>instructions</c> (its system prompt; its type's default when omitted), <c>tools</c> (names or patterns it may
/// call) and the limits of its tool loop (<c>maxTurns</c>, <c>maxToolCalls</c>). Omitted <c>id</c>s are generated.
/// </summary>
public sealed record CreateAgentRequest(
    string? Id,
    string? Name,
    AgentType? Type,
    CreateAgentRequest.RoleBody? Role,
    CreateAgentRequest.ProviderBody? Provider,
    int? MaxConcurrency,
    bool? AutoScale,
    string? Instructions = null,
    IReadOnlyList<string>? Tools = null,
    int? MaxTurns = null,
    int? MaxToolCalls = null)
{
    public sealed record RoleBody(string? Type, IReadOnlyList<string>? Permissions, IReadOnlyList<string>? Expertise, int? Priority);

    public sealed record ProviderBody(string? Type, string? Model, int? MaxTokens, double? Temperature);

    /// <summary>The profile this request describes; fields left out take the spec's example defaults. Validate it with <see cref="AgentProfileRules"/>.</summary>
    public AgentProfile ToProfile(string generatedId)
    {
        var type = Type ?? AgentType.Worker;
        return new AgentProfile(
            Id ?? generatedId,
            Name ?? string.Empty,
            type,
            new ProviderSettings(Provider?.Type ?? string.Empty, Provider?.Model ?? string.Empty, Provider?.MaxTokens ?? 4000, Provider?.Temperature ?? 0.7),
            MaxConcurrency ?? 5,
            new AgentRole(Role?.Type ?? AgentRole.Default.Type, Role?.Permissions ?? [], Role?.Expertise ?? [], Role?.Priority ?? AgentRole.Default.Priority),
            AutoScale ?? false,
            Instructions,
            Tools is { Count: > 0 } ? Tools : null,
            MaxTurns,
            MaxToolCalls);
    }
}
