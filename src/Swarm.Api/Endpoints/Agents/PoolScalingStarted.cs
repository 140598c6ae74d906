namespace Swarm.Api.Endpoints.Agents;

/// <summary>A pool scaling that did not finish within the request: it goes on; <c>GET /api/v1/system/scaling</c> shows it.</summary>
public sealed record PoolScalingStarted(string Pool, string Status);
