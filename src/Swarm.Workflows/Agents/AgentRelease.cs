using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentEntity.Release"/>: the finished task and how it went.</summary>
/// <param name="At">When the step ended (orchestration time), the agent's heartbeat.</param>
/// <param name="Counts">False for a release on behalf of a stopped task: it frees the slot without judging the agent.</param>
public sealed record AgentRelease(string TaskId, bool Succeeded, long LatencyMs, ModelUsage? Usage = null, DateTimeOffset? At = null, bool Counts = true);
