namespace Swarm.Domain.Learning;

/// <summary>
/// One piece of evidence about an agent, told to the dispatch board (<c>DispatchBoard.Learn</c>). The id names its cause
/// (<c>release:{holder}</c>, <c>late:{holder}</c>, <c>vote:{proposalId}:{voter}</c>, <c>feedback:{taskId}:{rater}</c>) so
/// the board counts it once however often it arrives, and a trace entry leads back to it.
/// </summary>
/// <param name="Id">Unique per cause; a second signal with the same id is dropped.</param>
/// <param name="Kind">What raised it: <see cref="SkillKind.Outcome"/>, <see cref="SkillKind.Late"/>, <see cref="SkillKind.Consensus"/> or <see cref="SkillKind.Feedback"/>.</param>
/// <param name="AgentId">The agent it is about.</param>
/// <param name="Keys">The capabilities it concerns; empty means <c>general</c>.</param>
/// <param name="Value">y in [0, 1]: 1 for a success, 0 for a failure, in between for a rating.</param>
/// <param name="Weight">w &gt; 0: how much it counts against one step's outcome (1).</param>
/// <param name="At">When it happened.</param>
public sealed record SkillSignal(string Id, SkillKind Kind, string AgentId, IReadOnlyList<string> Keys, double Value, double Weight, DateTimeOffset At);
