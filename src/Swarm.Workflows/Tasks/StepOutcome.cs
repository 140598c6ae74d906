using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Tasks;

/// <summary>What one step of a task produced: which agent, its answer, and the agents that failed it first.</summary>
/// <param name="Stage">The step's name: <c>answer</c>, <c>answer-2</c>, a pipeline stage, <c>plan</c>, <c>subtask-1</c>, <c>merge</c>…</param>
/// <param name="Capabilities">
/// The capabilities the step asked for, so what is learnt of the step (a rating, say) goes to the right skill; null in
/// the outputs of tasks that ran before it was recorded (fall back to the task's capabilities).
/// </param>
/// <param name="Pattern">
/// The pattern key the step was routed by (<c>learning:patterns:keys</c>, e.g. <c>care~0</c>), so a rating teaches that
/// record as well as the capabilities'; null when it was routed by none, and in outputs from before pattern keys.
/// </param>
public sealed record StepOutcome(string Stage, string AgentId, AgentAnswer Answer, IReadOnlyList<string> FailedAttempts, DateTimeOffset StartedAt, DateTimeOffset EndedAt, IReadOnlyList<string>? Capabilities = null, string? Pattern = null);
