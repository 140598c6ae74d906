namespace Swarm.Application.Security;

/// <summary>
/// The default grant of permissions to the five roles; configuration may change them (see <see cref="RoleGrants"/>).
/// Only operators and admins read everyone's tasks and proposals (<c>tasks:read:any</c>, <c>consensus:read:any</c>); a
/// member or viewer reads what it submitted or was shared with it, an agent what it works on or votes on.
/// </summary>
public static class RolePermissions
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Defaults { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["admin"] = Permissions.All.ToHashSet(StringComparer.Ordinal),
        ["operator"] = new HashSet<string>(StringComparer.Ordinal)
        {
            Permissions.AgentsRead, Permissions.AgentsWrite, Permissions.AgentsScale, Permissions.TasksSubmit, Permissions.TasksRead, Permissions.TasksReadAny,
            Permissions.TasksCancel, Permissions.TasksApprove, Permissions.TasksFeedback, Permissions.ConsensusPropose, Permissions.ConsensusRead, Permissions.ConsensusReadAny, Permissions.MemoryRead,
            Permissions.MemoryWrite, Permissions.SystemRead, Permissions.MetricsRead, Permissions.MessagesSend, Permissions.MessagesBroadcast,
        },
        ["agent"] = new HashSet<string>(StringComparer.Ordinal)
        {
            Permissions.TasksRead, Permissions.TasksResult, Permissions.ConsensusVote, Permissions.ConsensusRead, Permissions.MemoryRead,
            Permissions.MemoryWrite, Permissions.AuthToken, Permissions.MessagesSend,
        },
        // A person who submits work and reads their own (and what others share with them), not everyone's.
        ["member"] = new HashSet<string>(StringComparer.Ordinal)
        {
            Permissions.AgentsRead, Permissions.TasksSubmit, Permissions.TasksRead, Permissions.TasksCancel, Permissions.TasksFeedback,
            Permissions.ConsensusPropose, Permissions.ConsensusRead,
        },
        ["viewer"] = new HashSet<string>(StringComparer.Ordinal)
        {
            Permissions.AgentsRead, Permissions.TasksRead, Permissions.ConsensusRead, Permissions.MemoryRead, Permissions.SystemRead,
        },
    };

}
