namespace Swarm.Workflows.Agents;

/// <summary>
/// The agent listing's store (a read model): written by <see cref="RecordAgentActivity"/> whenever a workflow changes
/// an agent's configuration or lifecycle, read by <c>GET /api/v1/agents</c> without touching any entity.
/// </summary>
public interface IAgentDirectory
{
    Task RecordAsync(AgentSnapshot snapshot, CancellationToken cancellationToken);
}
