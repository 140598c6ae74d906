namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentEntity.Claim"/>: the task asking for a slot.</summary>
public sealed record AgentClaim(string TaskId);
