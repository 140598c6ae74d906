using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Api.Endpoints.Agents;

/// <summary>An agent in <c>GET /api/v1/agents</c>: its row in the listing's read model, with its presence beside it.</summary>
public sealed record AgentListItem(
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
    DateTimeOffset UpdatedAt,
    PresenceView Presence)
{
    public static AgentListItem From(AgentSnapshot snapshot, PresenceView presence)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new AgentListItem(
            snapshot.Id, snapshot.Name, snapshot.Type, snapshot.Lifecycle, snapshot.Expertise, snapshot.Priority,
            snapshot.Provider, snapshot.Model, snapshot.MaxConcurrency, snapshot.AutoScale, snapshot.UpdatedAt, presence);
    }
}
