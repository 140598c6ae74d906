using Swarm.Domain.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Tasks;

/// <summary>Input of <see cref="PlanTaskActivity"/>: the queen that plans, the task, and the capabilities subtasks may ask for.</summary>
/// <param name="Deadline">The task's deadline, which stops the call (see <see cref="ModelCallLimits"/>); null for none.</param>
public sealed record PlanRequest(string TaskId, AgentProfile Queen, string Prompt, IReadOnlyList<string> Capabilities, DateTimeOffset? Deadline = null);

/// <summary>Output of <see cref="PlanTaskActivity"/>: the plan, and the call that made it (text, tokens, cost).</summary>
public sealed record PlannedWork(TaskPlan Plan, Domain.Tasks.AgentAnswer Answer);
