using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="ProvisionAgentOrchestrator"/>: the agent and the swarm's limit at the time.</summary>
public sealed record AgentProvisioning(AgentProfile Profile, int MaxAgents);
