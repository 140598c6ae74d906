using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Tasks;

/// <summary>The output of a completed task's orchestration.</summary>
/// <param name="ClaimedAt">When the agent's slot was granted (orchestration time).</param>
/// <param name="AnsweredAt">When the agent's answer arrived; the slot is released after this.</param>
public sealed record TaskRunResult(string TaskId, string AgentId, AgentAnswer Answer, DateTimeOffset ClaimedAt, DateTimeOffset AnsweredAt);
