using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>An agent as the dispatch board sees it: what it can do, how full it is, and how well it has done.</summary>
/// <param name="Expertise">Its capabilities, compared case-insensitively.</param>
/// <param name="RolePriority">The spec's role priority, 1 to 10.</param>
/// <param name="Accepting">False once the agent drains or retires: it keeps its seats but gets no new ones.</param>
/// <param name="Holders">The seats it holds, as <see cref="SeatRequest.Holder"/> keys.</param>
/// <param name="Reputation">Per capability (and <see cref="AgentSelector.GeneralCapability"/>), a smoothed success rate from 0 to 1.</param>
/// <param name="Leaving">True once the agent is retiring: it leaves the board with its last seat. A suspended (unhealthy) agent stays, record and all.</param>
public sealed record BoardAgent(
    string Id,
    AgentType Type,
    IReadOnlyList<string> Expertise,
    int RolePriority,
    int MaxConcurrency,
    bool Accepting,
    IReadOnlyList<string> Holders,
    IReadOnlyDictionary<string, double> Reputation,
    bool Leaving = false)
{
    public int Load => Holders.Count;

    public bool HasFreeSeat => Load < MaxConcurrency;

    public static BoardAgent From(AgentProfile profile, bool accepting)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var role = profile.EffectiveRole;
        return new BoardAgent(profile.Id, profile.Type, role.Expertise, role.Priority, profile.MaxConcurrency, accepting, [], new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase));
    }

    public bool Has(string capability) => Expertise.Contains(capability, StringComparer.OrdinalIgnoreCase);
}
