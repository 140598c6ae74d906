namespace Swarm.Domain.Agents;

/// <summary>
/// The agents of the swarm, held in one place so that <c>system.maxAgents</c> holds however many creations race:
/// whoever stores the roster applies joins one at a time.
/// </summary>
public sealed record AgentRoster
{
    public int Version { get; init; } = 1;

    public IReadOnlyList<string> Members { get; init; } = [];

    public (AgentRoster Roster, RosterJoin Result) Join(string agentId, int maxAgents)
    {
        if (Members.Contains(agentId, StringComparer.Ordinal))
        {
            return (this, RosterJoin.AlreadyMember);
        }

        return Members.Count >= maxAgents
            ? (this, RosterJoin.Full)
            : (this with { Members = [.. Members, agentId] }, RosterJoin.Joined);
    }

    public AgentRoster Leave(string agentId) =>
        this with { Members = [.. Members.Where(m => !string.Equals(m, agentId, StringComparison.Ordinal))] };
}

/// <summary>How a request to join the roster ended.</summary>
public enum RosterJoin
{
    Joined,
    AlreadyMember,
    Full,
}
