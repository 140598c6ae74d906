namespace Swarm.Workflows.Tasks;

/// <summary>One line of a task's timeline: when, what, and the detail (agent, reason).</summary>
public sealed record TaskEvent(DateTimeOffset At, string Kind, string Detail);
