namespace Swarm.Api.Endpoints.Operations;

/// <summary>The swarm's own settings as <c>GET /api/v1/system/state</c> shows them.</summary>
public sealed record SystemSummary(string Name, string Version, string Environment, int MaxAgents, bool AutoScaling);
