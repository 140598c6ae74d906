namespace Swarm.Workflows.Agents;

/// <summary>An agent's heartbeat as it was received, with what the agent said of itself (optional).</summary>
public sealed record HeartbeatSignal(DateTimeOffset At, string? Status);
