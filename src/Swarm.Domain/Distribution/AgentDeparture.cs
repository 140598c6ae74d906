namespace Swarm.Domain.Distribution;

/// <summary>A leaving agent that gave its last seat back and left the board, with its record for its ledger.</summary>
/// <param name="Watchers">The orchestrations waiting for it to leave (its retirement).</param>
public sealed record AgentDeparture(string AgentId, IReadOnlyList<string> Watchers, AgentWork Work);
