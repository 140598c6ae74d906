namespace Swarm.Application.Agents;

/// <summary>
/// The agent listing's read model, as <c>GET /api/v1/agents</c> and the system state read it: written by the workflows
/// through their <see cref="Swarm.Workflows.Agents.IAgentDirectory"/> port, read here without touching any entity.
/// </summary>
public interface IAgentListing
{
    /// <summary>One page of the agents the query selects.</summary>
    /// <exception cref="ArgumentException">The query's continuation token was not issued by this listing.</exception>
    Task<AgentListPage> ListAsync(AgentListQuery query, CancellationToken cancellationToken);

    /// <summary>Every agent the listing knows, counted by lifecycle and type.</summary>
    Task<AgentCounts> CountAsync(CancellationToken cancellationToken);
}
