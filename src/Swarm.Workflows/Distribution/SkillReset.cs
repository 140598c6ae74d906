namespace Swarm.Workflows.Distribution;

/// <summary>
/// An operator's reset of an agent's learned skill: one capability's estimate, or every one when
/// <paramref name="Capability"/> is null, as of <paramref name="At"/> (which also names the trace's signal, <c>reset:{agent}:{at}</c>).
/// </summary>
public sealed record SkillReset(string AgentId, string? Capability, DateTimeOffset At);
