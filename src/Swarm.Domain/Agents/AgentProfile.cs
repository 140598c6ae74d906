namespace Swarm.Domain.Agents;

/// <summary>What an agent is: the parts of the spec's agent configuration the workflows need to run it.</summary>
/// <param name="Id">Stable agent id; also the key of its durable entity.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Queen, worker or specialist.</param>
/// <param name="Provider">The model the agent calls.</param>
/// <param name="MaxConcurrency">How many tasks the agent may run at once; never exceeded.</param>
public sealed record AgentProfile(string Id, string Name, AgentType Type, ProviderSettings Provider, int MaxConcurrency);
