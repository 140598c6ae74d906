namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentSlotReleaseOrchestrator"/>: which agent holds a slot for which task.</summary>
public sealed record AgentSlotRelease(string AgentId, string TaskId);
