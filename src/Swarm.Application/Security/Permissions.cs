namespace Swarm.Application.Security;

/// <summary>The permissions routes declare. Roles grant them through <see cref="RolePermissions"/>.</summary>
public static class Permissions
{
    /// <summary>No token needed. Only health and readiness use it.</summary>
    public const string Anonymous = "anonymous";

    public const string AgentsRead = "agents:read";
    public const string AgentsWrite = "agents:write";
    public const string AgentsScale = "agents:scale";
    public const string TasksSubmit = "tasks:submit";
    public const string TasksRead = "tasks:read";
    public const string TasksCancel = "tasks:cancel";

    /// <summary>Approve or reject a task that waits for a person.</summary>
    public const string TasksApprove = "tasks:approve";

    /// <summary>Post the result of a step an external agent holds (the spec's <c>task_result</c>).</summary>
    public const string TasksResult = "tasks:result";
    public const string ConsensusPropose = "consensus:propose";
    public const string ConsensusVote = "consensus:vote";
    public const string ConsensusRead = "consensus:read";
    public const string MemoryRead = "memory:read";
    public const string MemoryWrite = "memory:write";
    public const string SystemRead = "system:read";
    public const string AuditRead = "audit:read";

    /// <summary>Send a message to agents over the real-time channel.</summary>
    public const string MessagesSend = "messages:send";

    /// <summary>Exchange an agent's API key for a short-lived session token.</summary>
    public const string AuthToken = "auth:token";

    public static IReadOnlyList<string> All { get; } =
    [
        AgentsRead, AgentsWrite, AgentsScale, TasksSubmit, TasksRead, TasksCancel, TasksApprove, TasksResult, ConsensusPropose,
        ConsensusVote, ConsensusRead, MemoryRead, MemoryWrite, SystemRead, AuditRead, AuthToken, MessagesSend,
    ];
}
