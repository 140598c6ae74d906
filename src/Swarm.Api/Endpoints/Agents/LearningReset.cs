namespace Swarm.Api.Endpoints.Agents;

/// <summary>An agent's learned skill estimates reset (one capability, or all when <paramref name="Capability"/> is null).</summary>
public sealed record LearningReset(string AgentId, string? Capability, DateTimeOffset ResetAt, string Signal);
