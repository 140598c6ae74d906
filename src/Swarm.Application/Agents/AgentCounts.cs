namespace Swarm.Application.Agents;

/// <summary>
/// Agents in the listing's read model, counted: <paramref name="Total"/> those not retired, by lifecycle and by type
/// (every value listed, 0 included), and the retired ones apart.
/// </summary>
public sealed record AgentCounts(int Total, int Retired, IReadOnlyDictionary<string, int> ByLifecycle, IReadOnlyDictionary<string, int> ByType);
