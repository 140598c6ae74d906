using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>Output of <see cref="AgentEntity.Claim"/>: whether a slot was granted, and the agent's profile (null if the agent was never provisioned).</summary>
public sealed record AgentClaimResult(bool Granted, AgentProfile? Profile);
