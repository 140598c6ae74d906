namespace Swarm.Workflows.Tools;

/// <summary>Input of <see cref="CallServerToolActivity"/>: one call of a served tool, for one agent of one task.</summary>
/// <param name="Arguments">The arguments, a JSON object.</param>
/// <param name="Deadline">The task's deadline; the call is stopped there.</param>
public sealed record ServerToolCall(string TaskId, string AgentId, string Name, string Arguments, DateTimeOffset? Deadline);
