namespace Swarm.Domain.Learning;

/// <summary>
/// What one similar past task says about an agent for the step being routed: the agent answered a step with the same
/// capabilities in a finished task whose prompt resembles this one. Pattern recognition (the task atlas) produces it;
/// routing weighs it with the agent's own record (docs/design/learning.md §2.1, §4.5).
/// </summary>
/// <param name="AgentId">The agent that answered the neighbour's step.</param>
/// <param name="Similarity">How alike the two tasks are, in (0, 1].</param>
/// <param name="Value">How that step went, in [0, 1]: 1 succeeded, 0 failed, or a person's rating of the task as (rating − 1) / 4.</param>
/// <param name="At">When the neighbour finished; evidence older than an agent's skill reset is ignored.</param>
public sealed record SimilarEvidence(string AgentId, double Similarity, double Value, DateTimeOffset At);
