using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>An agent as the listing shows it: its configuration and lifecycle at the moment a workflow changed them.</summary>
public sealed record AgentSnapshot(
    string Id,
    string Name,
    AgentType Type,
    AgentLifecycle Lifecycle,
    IReadOnlyList<string> Expertise,
    int Priority,
    string Provider,
    string Model,
    int MaxConcurrency,
    bool AutoScale,
    DateTimeOffset UpdatedAt)
{
    public static AgentSnapshot From(AgentLedger ledger, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var profile = ledger.Profile;
        var role = profile.EffectiveRole;
        return new AgentSnapshot(
            profile.Id, profile.Name, profile.Type, ledger.Lifecycle, role.Expertise, role.Priority,
            profile.Provider.Type, profile.Provider.Model, profile.MaxConcurrency, profile.AutoScale, at);
    }
}
