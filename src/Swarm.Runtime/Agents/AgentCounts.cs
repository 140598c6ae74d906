namespace Swarm.Runtime.Agents;

/// <summary>Agents in the listing's read model, counted: retired ones apart, the rest by lifecycle and by type.</summary>
public sealed record AgentCounts(int Total, int Retired, IReadOnlyDictionary<string, int> ByLifecycle, IReadOnlyDictionary<string, int> ByType);
