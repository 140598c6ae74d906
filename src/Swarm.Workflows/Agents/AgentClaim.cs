using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentEntity.Claim"/>: the task asking for a slot and the profile to provision with.</summary>
public sealed record AgentClaim(string TaskId, AgentProfile Profile);
