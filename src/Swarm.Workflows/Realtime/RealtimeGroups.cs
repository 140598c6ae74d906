namespace Swarm.Workflows.Realtime;

/// <summary>
/// The channel's groups, by name. A connection is put in a group by the swarm (when it connects, or on a <c>join</c>
/// frame it checked), never by the client alone, so a group's members are exactly those allowed to read what it carries.
/// </summary>
public static class RealtimeGroups
{
    /// <summary>The swarm's own events: agents created, retired or unhealthy, task state changes, scaling and health.</summary>
    public const string Operators = "operators";

    /// <summary>Every connected agent: what a broadcast to all agents is sent to.</summary>
    public const string Agents = "agents";

    const string TaskPrefix = "task.";
    const string ProposalPrefix = "proposal.";
    const string CapabilityPrefix = "capability.";

    /// <summary>A task's events (its steps, its stream, its end): its submitter, its agents and anyone watching it.</summary>
    public static string Task(string taskId) => TaskPrefix + taskId;

    /// <summary>A proposal's events: ballots as they arrive and the outcome.</summary>
    public static string Proposal(string proposalId) => ProposalPrefix + proposalId;

    /// <summary>The agents that offer a capability: what a broadcast to a capability is sent to.</summary>
    public static string Capability(string capability) => CapabilityPrefix + capability;

    /// <summary>What kind of group a name is and the id it carries, or null for a name that is not one of the swarm's groups.</summary>
    public static (RealtimeGroupKind Kind, string Id)? Parse(string? group) => group switch
    {
        null or "" => null,
        Operators => (RealtimeGroupKind.Operators, ""),
        Agents => (RealtimeGroupKind.Agents, ""),
        _ when Named(group, TaskPrefix) is { } id => (RealtimeGroupKind.Task, id),
        _ when Named(group, ProposalPrefix) is { } id => (RealtimeGroupKind.Proposal, id),
        _ when Named(group, CapabilityPrefix) is { } id => (RealtimeGroupKind.Capability, id),
        _ => null,
    };

    static string? Named(string group, string prefix) =>
        group.Length > prefix.Length && group.StartsWith(prefix, StringComparison.Ordinal) ? group[prefix.Length..] : null;
}

public enum RealtimeGroupKind
{
    Operators,
    Agents,
    Task,
    Proposal,
    Capability,
}
