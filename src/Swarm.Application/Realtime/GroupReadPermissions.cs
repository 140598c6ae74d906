using Swarm.Application.Security;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Realtime;

/// <summary>
/// What a caller must hold to be in a group, which is to read everything the group carries: a task's events need
/// <c>tasks:read</c> (and that task to be one the caller may read, checked by the join), a proposal's
/// <c>consensus:read</c> (likewise), the swarm's own events <c>system:read</c> and <c>tasks:read:any</c> (they carry every
/// task's state changes), and messages to agents (all of them, or a capability's) <c>agents:read</c>. An agent is put in
/// <c>agents</c> and its capabilities' groups when it connects, without that permission: those messages are addressed to it.
/// </summary>
public static class GroupReadPermissions
{
    public const string Known = "operators, agents, task.{id}, proposal.{id} or capability.{name}";

    /// <summary>The permissions reading <paramref name="kind"/> needs, all of them.</summary>
    public static IReadOnlyList<string> For(RealtimeGroupKind kind) => kind switch
    {
        RealtimeGroupKind.Task => [Permissions.TasksRead],
        RealtimeGroupKind.Proposal => [Permissions.ConsensusRead],
        RealtimeGroupKind.Operators => [Permissions.SystemRead, Permissions.TasksReadAny],
        _ => [Permissions.AgentsRead],
    };

    /// <summary>
    /// Whether the caller may read every group there is (and so may join any group directly, see the connect event's
    /// roles): every kind's permissions, and every task's and proposal's, since a direct join checks no task.
    /// </summary>
    public static bool ReadsEveryGroup(SwarmPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Has(Permissions.TasksReadAny)
            && principal.Has(Permissions.ConsensusReadAny)
            && Enum.GetValues<RealtimeGroupKind>().All(kind => For(kind).All(principal.Has));
    }

    /// <summary>Whether the caller may be in the group: an agent in its own groups, anyone with the group's read permission.</summary>
    public static bool Admits(SwarmPrincipal principal, RealtimeGroupKind kind, string id, IReadOnlyCollection<string> ownCapabilities)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(ownCapabilities);
        var agentsOwn = principal.AgentId is not null
            && (kind == RealtimeGroupKind.Agents || (kind == RealtimeGroupKind.Capability && ownCapabilities.Contains(id)));
        return agentsOwn || For(kind).All(principal.Has);
    }
}
