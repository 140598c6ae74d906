using Swarm.Domain.Agents;

namespace Swarm.Workflows.Distribution;

/// <summary>Input of <see cref="DispatcherEntity.Register"/>: an agent's profile and whether it takes new work.</summary>
public sealed record AgentRegistration(AgentProfile Profile, bool Accepting);
