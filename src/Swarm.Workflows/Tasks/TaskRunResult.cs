using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Tasks;

/// <summary>The output of a completed task's orchestration.</summary>
public sealed record TaskRunResult(string TaskId, string AgentId, AgentAnswer Answer);
