namespace Swarm.Domain.Patterns;

/// <summary>One attempt at one step of a finished task, failed attempts included: who tried what, and how it went.</summary>
/// <param name="AgentId">The agent that held the seat.</param>
/// <param name="Stage">The step's name (<c>answer</c>, a pipeline stage, <c>plan</c>, <c>subtask-1</c>, <c>merge</c>…).</param>
/// <param name="Capabilities">The capabilities the step asked for (empty for a step that named none).</param>
/// <param name="Succeeded">Whether the agent answered it.</param>
public sealed record StepTrace(string AgentId, string Stage, IReadOnlyList<string> Capabilities, bool Succeeded);
