namespace Swarm.Api.Endpoints.Agents;

/// <summary>The optional body of a heartbeat: what the agent says of itself (<see cref="Application.Realtime.HeartbeatStatus"/>).</summary>
public sealed record HeartbeatBody(string? Status);
