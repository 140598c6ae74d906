namespace Swarm.Domain.Distribution;

/// <summary>
/// A step giving its seat back: the only message that ends a step on an agent. With an <paramref name="Outcome"/> it
/// counts for the agent (statistics, health and skill); without one the seat is freed without judging anyone (the
/// step never ran, or a person or the task's deadline stopped it).
/// </summary>
/// <param name="Capabilities">What the step needed; the reputation the outcome moves.</param>
/// <param name="Announce">Whether the agent's going unhealthy on this outcome is announced (the releasing task's channel was on).</param>
/// <param name="Pattern">The step's pattern key (<see cref="SeatRequest.Pattern"/>): its outcome teaches that record too; null in old histories.</param>
/// <param name="Late">True when the task's deadline ended the step: a <c>late</c> skill signal (0 at weight one half), counted in no statistics; false in old histories.</param>
public sealed record SeatRelease(string AgentId, string Holder, IReadOnlyList<string> Capabilities, WorkOutcome? Outcome = null, bool Announce = false, bool Late = false, string? Pattern = null)
{
    /// <summary>The skill keys an outcome of this step teaches: its capabilities' (or general), and its pattern's.</summary>
    public IReadOnlyList<string> SkillKeys => BoardAgent.SkillKeysOf(Capabilities, Pattern);
}
