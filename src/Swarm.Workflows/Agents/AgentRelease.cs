namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentEntity.Release"/>: the finished task and how it went.</summary>
public sealed record AgentRelease(string TaskId, bool Succeeded, long LatencyMs, Domain.Agents.ModelUsage? Usage = null);
