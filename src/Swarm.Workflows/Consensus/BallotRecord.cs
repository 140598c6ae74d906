namespace Swarm.Workflows.Consensus;

/// <summary>
/// One ballot as recorded: who, what, how sure, why, and how it arrived (<c>model</c>: asked of the agent's model;
/// <c>external</c>: posted by the agent), or why there was none.
/// </summary>
public sealed record BallotRecord(string VoterId, string? Choice, double Confidence, string? Rationale, string? DelegateTo, string Source, DateTimeOffset At, string? Problem = null);
