using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Tasks;

/// <summary>The output of a completed task's orchestration.</summary>
/// <param name="AgentId">The agent whose answer is the result (the last stage, the merging queen, …).</param>
/// <param name="Answer">The result; for a parallel task without merging, the answers side by side.</param>
/// <param name="ClaimedAt">When the first agent's seat was granted.</param>
/// <param name="AnsweredAt">When the result was ready.</param>
/// <param name="Steps">Every step's agent and answer.</param>
/// <param name="Totals">Tokens and cost of every step together.</param>
public sealed record TaskRunResult(
    string TaskId,
    string AgentId,
    AgentAnswer Answer,
    DateTimeOffset ClaimedAt,
    DateTimeOffset AnsweredAt,
    TaskStrategy Strategy,
    string StrategyReason,
    IReadOnlyList<StepOutcome> Steps,
    ModelUsage Totals,
    IReadOnlyList<TaskEvent> Timeline);
