using Swarm.Domain.Agents;
using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// An agent as the dispatch board sees it: its profile, the seats it holds, how well it has done (its skill) and what it has done.
/// The board is the one owner of all of it while the agent takes work.
/// </summary>
/// <param name="Holders">The seats it holds, as <see cref="SeatRequest.Holder"/> keys.</param>
/// <param name="Reputation">
/// Per capability (and <see cref="AgentSelector.GeneralCapability"/>), the mean of its skill estimate from 0 to 1: a copy
/// derived from <paramref name="Skills"/> in the same change, kept for readers outside the board (consensus voter weights)
/// and so that a board recorded before skills existed reads back with the numbers it had.
/// </param>
/// <param name="Work">Its statistics and failure streak.</param>
/// <param name="Leaving">True once the agent drains or retires: it gets no new seats and leaves the board with its last one.</param>
/// <param name="LeaveWatchers">The orchestrations to tell when a leaving agent has left (its retirements; two may race).</param>
/// <param name="Skills">Per capability key, the skill estimate: the one measure of the agent's quality. Null on an agent stored before version 3 (derived from its reputation on first write).</param>
/// <param name="SkillTrace">The last <see cref="TraceLength"/> changes to its estimates, newest first, each naming its signal.</param>
/// <param name="SkillResetAt">When an operator last reset its estimates; similar-task evidence older than this is ignored.</param>
public sealed partial record BoardAgent(
    AgentProfile Profile,
    IReadOnlyList<string> Holders,
    IReadOnlyDictionary<string, double> Reputation,
    AgentWork Work,
    bool Leaving = false,
    IReadOnlyList<string>? LeaveWatchers = null,
    IReadOnlyDictionary<string, SkillEstimate>? Skills = null,
    IReadOnlyList<SkillUpdate>? SkillTrace = null,
    DateTimeOffset? SkillResetAt = null)
{
    public string Id => Profile.Id;

    public AgentType Type => Profile.Type;

    /// <summary>Its capabilities, compared case-insensitively.</summary>
    public IReadOnlyList<string> Expertise => Profile.EffectiveRole.Expertise;

    /// <summary>The spec's role priority, 1 to 10.</summary>
    public int RolePriority => Profile.EffectiveRole.Priority;

    public int MaxConcurrency => Profile.MaxConcurrency;

    public int Load => Holders.Count;

    public bool HasFreeSeat => Load < MaxConcurrency;

    /// <summary>An agent with no model here: a person or program that answers its steps over the API.</summary>
    public bool IsExternal => Profile.Provider.Type == ProviderSettings.ExternalType;

    /// <summary>Failed <see cref="AgentWork.UnhealthyAfter"/> steps in a row: no new seats until self-healing reinstates it. A leaving agent is never called unhealthy.</summary>
    public bool IsUnhealthy => !Leaving && Work.IsFailing;

    /// <summary>Whether the agent is offered new seats.</summary>
    public bool Accepting => !Leaving && !IsUnhealthy;

    public static BoardAgent From(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new BoardAgent(
            profile, [], new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase), new AgentWork(),
            Skills: new Dictionary<string, SkillEstimate>(StringComparer.OrdinalIgnoreCase), SkillTrace: []);
    }

    public bool Has(string capability) => Expertise.Contains(capability, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The spec's status of an agent: its lifecycle (from its ledger), with an active agent shown as unhealthy, busy or
    /// idle by what the board knows of it (idle before it has reached the board).
    /// </summary>
    public static AgentStatus StatusOf(AgentLifecycle lifecycle, BoardAgent? onBoard) => lifecycle switch
    {
        AgentLifecycle.Draining => AgentStatus.Draining,
        AgentLifecycle.Retired => AgentStatus.Retired,
        _ when onBoard is { IsUnhealthy: true } => AgentStatus.Unhealthy,
        _ => onBoard is { Load: > 0 } ? AgentStatus.Busy : AgentStatus.Idle,
    };
}
