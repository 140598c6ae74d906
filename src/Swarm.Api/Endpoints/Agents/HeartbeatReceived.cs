namespace Swarm.Api.Endpoints.Agents;

/// <summary>A heartbeat recorded, and when the next one is due.</summary>
public sealed record HeartbeatReceived(string AgentId, DateTimeOffset ReceivedAt, DateTimeOffset NextHeartbeatDueAt, int HeartbeatSeconds);
