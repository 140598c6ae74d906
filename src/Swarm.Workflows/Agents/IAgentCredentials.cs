namespace Swarm.Workflows.Agents;

/// <summary>An agent's credentials (API keys), as far as the workflows need them: a retired agent must not keep any.</summary>
public interface IAgentCredentials
{
    Task<int> RevokeAllAsync(string agentId, CancellationToken cancellationToken);
}
