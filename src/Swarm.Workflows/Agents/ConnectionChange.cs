namespace Swarm.Workflows.Agents;

/// <summary>A connection of an agent's opened or closed on the real-time channel, at the time the channel reported.</summary>
public sealed record ConnectionChange(string ConnectionId, DateTimeOffset At);
