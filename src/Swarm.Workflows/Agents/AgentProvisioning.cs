using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="ProvisionAgentOrchestrator"/>: the agent, the swarm's limit at the time, and whether an existing agent with the id is brought up to date (the default agent) rather than refused (API creation).</summary>
/// <param name="Notify">Whether the operators hear that the agent was created (the channel was on when it was asked for, so replays agree).</param>
public sealed record AgentProvisioning(AgentProfile Profile, int MaxAgents, bool UpdateExisting = false, bool Notify = false, int? DispatchShards = null);
