using Swarm.Domain.Agents;

namespace Swarm.Application.Agents;

/// <summary>A page of the agent listing: optional filters (retired agents only when asked for), page size and continuation.</summary>
public sealed record AgentListQuery(AgentType? Type, AgentLifecycle? Lifecycle, string? Expertise, int PageSize, string? ContinuationToken);

/// <summary>One page of agents, and the token for the next (null on the last page).</summary>
public sealed record AgentListPage(IReadOnlyList<Swarm.Workflows.Agents.AgentSnapshot> Items, string? ContinuationToken);
