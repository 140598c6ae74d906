namespace Swarm.Api.Endpoints;

/// <summary>The answer of <c>GET /health</c>: the process is up.</summary>
public sealed record HealthView(string Status, string Service, string Version);
