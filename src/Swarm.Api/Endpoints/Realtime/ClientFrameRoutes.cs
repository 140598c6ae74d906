using Swarm.Api.Contract;
using Swarm.Application.Security;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// Which route answers each kind of client frame. A frame is its REST twin's request in another envelope: it runs
/// through the same <see cref="ApiDispatcher"/> (rate limit, permission, handler, validation, audit), as the caller the
/// connection was opened by. Joining and leaving a group have no REST twin, since they concern one connection; their
/// routes below are served only to frames.
/// </summary>
public static class ClientFrameRoutes
{
    public const string TaskResult = "task_result";
    public const string Vote = "vote";
    public const string Message = "message";
    public const string Join = "join";
    public const string Leave = "leave";
    public const string Heartbeat = "heartbeat";

    /// <summary>The header that tells a frame-only route which connection sent the frame; set by the event handler, never by a client.</summary>
    public const string ConnectionHeader = "X-Swarm-Connection-Id";

    /// <summary>Put the sending connection in a group whose events the caller may read (<c>{"type": "join", "data": {"group": ...}}</c>).</summary>
    public static readonly ApiRoute JoinGroup = new("JoinGroup", "POST", "realtime/groups/{group}/join", Permissions.TasksRead, typeof(JoinGroupHandler))
        { Contract = new("Join a group of the real-time channel (a frame, not an HTTP route)", ApiResult.UntypedOk("The connection is in the group.")) };

    /// <summary>Take the sending connection out of a group (<c>{"type": "leave", "data": {"group": ...}}</c>).</summary>
    public static readonly ApiRoute LeaveGroup = new("LeaveGroup", "POST", "realtime/groups/{group}/leave", Permissions.TasksRead, typeof(LeaveGroupHandler))
        { Contract = new("Leave a group of the real-time channel (a frame, not an HTTP route)", ApiResult.UntypedOk("The connection is out of the group.")) };

    /// <summary>What the audit trail records as a frame's client address: the connection it came over.</summary>
    public static string AddressOf(string connectionId) => "realtime:" + connectionId;

    public static IReadOnlyList<string> Types { get; } = [TaskResult, Vote, Message, Heartbeat, Join, Leave];

    /// <summary>The request a frame stands for, or the problem that keeps it from being one.</summary>
    public static (ApiRoute Route, ApiRequest Request)? RequestFor(ClientFrame frame, SwarmPrincipal caller, string connectionId, out ProblemDetails? problem)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(caller);
        problem = null;
        switch (frame.Type)
        {
            case TaskResult when frame.Text("taskId") is { Length: > 0 } taskId:
                // The spec's example calls the answer "result"; the REST body calls it "text". Both are taken.
                return Build(SwarmRoutes.PostTaskResult, [("id", taskId)], frame.BodyWith(["taskId"], [("result", "text")]), connectionId);
            case Vote when frame.Text("proposalId") is { Length: > 0 } proposalId:
                return Build(SwarmRoutes.PostVote, [("id", proposalId)], frame.BodyWithout("proposalId"), connectionId);
            case Message:
                return Build(SwarmRoutes.SendMessage, [], frame.BodyWithout(), connectionId);
            case Heartbeat when (frame.Text("agentId") ?? caller.AgentId) is { Length: > 0 } agentId:
                // An agent's heartbeat is its own (data may carry a status); someone else names the agent, as on REST.
                return Build(SwarmRoutes.AgentHeartbeat, [("id", agentId)], frame.BodyWithout("agentId"), connectionId);
            case Heartbeat:
                problem = Missing("agentId", "the agent the heartbeat is for");
                return null;
            case Join or Leave when frame.Text("group") is { Length: > 0 } group && frame.Data.EnumerateObject().Count() == 1:
                return Build(frame.Type == Join ? JoinGroup : LeaveGroup, [("group", group)], body: null, connectionId);
            case TaskResult:
                problem = Missing("taskId", "the task the result is for");
                return null;
            case Vote:
                problem = Missing("proposalId", "the proposal the ballot is for");
                return null;
            case Join or Leave:
                problem = Problems.Validation([new("data.group", "must name the group, and be the only field.")]);
                return null;
            default:
                problem = Problems.Validation([new("type", $"'{frame.Type}' is not a frame the swarm takes; types: {string.Join(", ", Types)}.")]);
                return null;
        }
    }

    static ProblemDetails Missing(string field, string what) => Problems.Validation([new("data." + field, $"must name {what} (a string).")]);

    static (ApiRoute, ApiRequest) Build(ApiRoute route, (string Name, string Value)[] values, byte[]? body, string connectionId)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [ConnectionHeader] = connectionId };
        if (body is not null)
        {
            headers["Content-Type"] = "application/json";
            headers["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var request = new ApiRequest
        {
            Method = route.Method,
            Path = route.PathFor(values),
            RouteValues = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
            Headers = headers,
            Body = body is null ? Stream.Null : new MemoryStream(body, writable: false),
            ClientAddress = AddressOf(connectionId),
            CorrelationId = CorrelationIds.FromClient(null),
        };
        return (route, request);
    }
}
