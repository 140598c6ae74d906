namespace Swarm.Api.Endpoints.Agents;

/// <summary>A retirement accepted: <c>retired</c> at once, or <c>draining</c> while it finishes its work.</summary>
public sealed record AgentRetiring(string Id, string Status, string Location);
