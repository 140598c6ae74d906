namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="AgentRosterEntity.Join"/>.</summary>
public sealed record RosterJoinRequest(string AgentId, int MaxAgents);
