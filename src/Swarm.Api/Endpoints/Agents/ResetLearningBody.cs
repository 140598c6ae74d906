namespace Swarm.Api.Endpoints.Agents;

/// <summary>The optional body of a learning reset: one capability to reset, or none for all of the agent's skill.</summary>
public sealed record ResetLearningBody(string? Capability);
