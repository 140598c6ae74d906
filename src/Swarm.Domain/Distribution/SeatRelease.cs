namespace Swarm.Domain.Distribution;

/// <summary>
/// A step giving its seat back: the only message that ends a step on an agent. With an <paramref name="Outcome"/> it
/// counts for the agent (statistics, health and reputation); without one the seat is freed without judging anyone (the
/// step never ran, or a person or the task's deadline stopped it).
/// </summary>
/// <param name="Capabilities">What the step needed; the reputation the outcome moves.</param>
/// <param name="Announce">Whether the agent's going unhealthy on this outcome is announced (the releasing task's channel was on).</param>
public sealed record SeatRelease(string AgentId, string Holder, IReadOnlyList<string> Capabilities, WorkOutcome? Outcome = null, bool Announce = false);
