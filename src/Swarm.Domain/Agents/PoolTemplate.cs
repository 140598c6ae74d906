namespace Swarm.Domain.Agents;

/// <summary>
/// What a pool's new members are made of, as a scaling asks for it: the fields it names, and for every other field a
/// copy of a member's profile. Copying is what keeps a pool of real models from growing agents of another provider;
/// without a member to copy, the provider must be named (<see cref="ProfileFor"/> gives null otherwise).
/// </summary>
/// <param name="Name">The new members' name; the pool's key when left out (a member's name is its own, not copied).</param>
/// <param name="Provider">The model new members call; copied from the member when left out.</param>
/// <param name="MaxConcurrency">Seats per new member; the member's, or 5 (the spec's default) when there is none.</param>
/// <param name="AutoScale">Whether autoscaling may resize the pool through the new members; the member's, or false.</param>
/// <param name="Role">The new members' role; the member's, or the default role with the pool's expertise.</param>
public sealed record PoolTemplate(string? Name = null, ProviderSettings? Provider = null, int? MaxConcurrency = null, bool? AutoScale = null, AgentRole? Role = null)
{
    public const int DefaultMaxConcurrency = 5;

    /// <summary>A template naming every field of <paramref name="profile"/>, so nothing is copied from elsewhere.</summary>
    public static PoolTemplate Of(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(profile.Name, profile.Provider, profile.MaxConcurrency, profile.AutoScale, profile.EffectiveRole);
    }

    /// <summary>Whether some field is left to be copied from a member.</summary>
    public bool CopiesAMember => Provider is null || MaxConcurrency is null || AutoScale is null || Role is null;

    /// <summary>The member whose profile fills the fields left out: the first by id, so every replay picks the same one.</summary>
    public static AgentProfile? SourceAmong(IEnumerable<AgentProfile> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members.OrderBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>
    /// The profile of a new member of <paramref name="pool"/> (its id is left empty for the caller to fill), or null
    /// when neither this template nor a member (<paramref name="source"/>) names a provider.
    /// </summary>
    public AgentProfile? ProfileFor(AgentPool pool, AgentProfile? source)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var provider = Provider ?? source?.Provider;
        if (provider is null)
        {
            return null;
        }

        return new AgentProfile(
            string.Empty,
            Name ?? $"{pool.Key} agent",
            pool.Type,
            provider,
            MaxConcurrency ?? source?.MaxConcurrency ?? DefaultMaxConcurrency,
            Role ?? source?.EffectiveRole ?? AgentRole.Default with { Expertise = pool.Expertise },
            AutoScale ?? source?.AutoScale ?? false);
    }
}
