namespace Swarm.Application.Learning;

/// <summary>What one agent did on a rated task: the skill keys of the steps it answered (their capabilities, or <c>general</c>, and the patterns they were routed by), which the rating moves.</summary>
public sealed record RatedWork(string AgentId, IReadOnlyList<string> Capabilities);
