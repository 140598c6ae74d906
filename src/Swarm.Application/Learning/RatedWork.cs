namespace Swarm.Application.Learning;

/// <summary>What one agent did on a rated task: the capabilities of the steps it answered (its skills the rating moves).</summary>
public sealed record RatedWork(string AgentId, IReadOnlyList<string> Capabilities);
