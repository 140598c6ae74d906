namespace Swarm.Application.Security;

/// <summary>The permissions routes declare. Roles grant them through <see cref="RolePermissions"/>.</summary>
public static class Permissions
{
    /// <summary>No token needed: health and readiness, and the handshakes that grant nothing (see <c>SwarmRoutes</c>).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>
    /// Any valid credential, whatever it grants: for what every caller may read about the API itself (its OpenAPI
    /// document), and for a door whose every action is dispatched again as its REST route with that route's own
    /// permission (the MCP endpoint: anyone signed in may list its tools; each call is checked). No role grants it and
    /// it is not in <see cref="All"/>; it is only ever declared by a route.
    /// </summary>
    public const string Authenticated = "authenticated";

    public const string AgentsRead = "agents:read";
    public const string AgentsWrite = "agents:write";
    public const string AgentsScale = "agents:scale";
    public const string TasksSubmit = "tasks:submit";

    /// <summary>Read the tasks one submitted, or that were shared with one (an agent: the tasks it works on).</summary>
    public const string TasksRead = "tasks:read";

    /// <summary>Read every task, whoever submitted it (operators and admins); without it, others' tasks are a 404.</summary>
    public const string TasksReadAny = "tasks:read:any";
    public const string TasksCancel = "tasks:cancel";

    /// <summary>Approve or reject a task that waits for a person.</summary>
    public const string TasksApprove = "tasks:approve";

    /// <summary>Rate a finished task one submitted (<c>POST /api/v1/tasks/{id}/feedback</c>); its agents learn from it.</summary>
    public const string TasksFeedback = "tasks:feedback";

    /// <summary>Rate any finished task, not only one's own.</summary>
    public const string TasksFeedbackAny = "tasks:feedback:any";

    /// <summary>Post the result of a step an external agent holds (the spec's <c>task_result</c>).</summary>
    public const string TasksResult = "tasks:result";
    public const string ConsensusPropose = "consensus:propose";
    public const string ConsensusVote = "consensus:vote";

    /// <summary>Read the proposals one made, or that were shared with one (an agent: those it votes on, or of tasks it works on).</summary>
    public const string ConsensusRead = "consensus:read";

    /// <summary>Read every proposal, whoever made it (operators and admins).</summary>
    public const string ConsensusReadAny = "consensus:read:any";
    public const string MemoryRead = "memory:read";
    public const string MemoryWrite = "memory:write";
    public const string SystemRead = "system:read";
    public const string AuditRead = "audit:read";

    /// <summary>
    /// Scrape <c>GET /metrics</c> (operators and admins; a Prometheus server gets a role of its own with only this, see
    /// README). Apart from <see cref="SystemRead"/> so a scraper's credential reads counts, not the swarm's state.
    /// </summary>
    public const string MetricsRead = "metrics:read";

    /// <summary>Send a message to agents over the real-time channel.</summary>
    public const string MessagesSend = "messages:send";

    /// <summary>
    /// Held only by the real-time service (Web PubSub) when it calls the event handler; no role grants it. Its requests
    /// are authenticated by the service's signature or Entra token instead of a swarm credential.
    /// </summary>
    public const string ChannelService = "realtime:service";

    /// <summary>Send a message to a whole group, to every agent or to every agent of a capability.</summary>
    public const string MessagesBroadcast = "messages:broadcast";

    /// <summary>Exchange an agent's API key for a short-lived session token.</summary>
    public const string AuthToken = "auth:token";

    public static IReadOnlyList<string> All { get; } =
    [
        AgentsRead, AgentsWrite, AgentsScale, TasksSubmit, TasksRead, TasksReadAny, TasksCancel, TasksApprove, TasksResult, TasksFeedback, TasksFeedbackAny, ConsensusPropose,
        ConsensusVote, ConsensusRead, ConsensusReadAny, MemoryRead, MemoryWrite, SystemRead, MetricsRead, AuditRead, AuthToken, MessagesSend, MessagesBroadcast,
    ];
}
