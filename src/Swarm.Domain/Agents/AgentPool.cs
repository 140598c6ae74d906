namespace Swarm.Domain.Agents;

/// <summary>
/// A pool: the active agents of one type with one set of expertise. Pools are not stored; an agent belongs to the
/// pool its profile names, so creating or retiring agents is all it takes to resize one.
/// </summary>
public sealed record AgentPool(AgentType Type, IReadOnlyList<string> Expertise)
{
    /// <summary>A stable name: the type, then the sorted skills, e.g. <c>specialist.analysis.writing</c>.</summary>
    public string Key => string.Join('.', Expertise.Order(StringComparer.Ordinal).Prepend(Type.ToString().ToLowerInvariant()));

    public bool Contains(AgentLedger agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Lifecycle == AgentLifecycle.Active && Fits(agent.Profile);
    }

    /// <summary>Whether an agent with this profile belongs to the pool (its type and exactly its expertise), whatever its lifecycle.</summary>
    public bool Fits(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Type == Type
            && profile.EffectiveRole.Expertise.Order(StringComparer.Ordinal).SequenceEqual(Expertise.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>
    /// Which members to retire to bring the pool down to <paramref name="target"/>: the least loaded first (by the
    /// dispatch board's <paramref name="loadOf"/>), so idle agents go at once and busy ones are left working where possible.
    /// </summary>
    public static IReadOnlyList<string> ChooseToRetire(IReadOnlyList<AgentLedger> members, int target, Func<string, int> loadOf)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(loadOf);
        return [.. members.OrderBy(m => loadOf(m.Profile.Id)).ThenBy(m => m.Profile.Id, StringComparer.Ordinal).Take(Math.Max(0, members.Count - target)).Select(m => m.Profile.Id)];
    }
}
