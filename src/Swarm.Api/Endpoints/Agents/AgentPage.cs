namespace Swarm.Api.Endpoints.Agents;

/// <summary>A page of <c>GET /api/v1/agents</c> and the token for the next (null on the last).</summary>
public sealed record AgentPage(IReadOnlyList<AgentListItem> Items, string? ContinuationToken);
