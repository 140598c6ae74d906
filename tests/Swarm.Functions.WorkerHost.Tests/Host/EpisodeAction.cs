using System.Globalization;
using System.Text.Json;
using P = Microsoft.DurableTask.Protobuf;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// One thing an orchestration episode asked the runtime to do, in the terms both sides can be compared in: the action a
/// worker returned (converted as the durable extension's <c>ProtobufUtils.ToOrchestratorAction</c> converts it for
/// Durable Task), or the history event the local host's runtime wrote for its own action. An entity message is compared
/// by the fields the extension carries over (operation, signal or call, input, request id, and a call's parent instance
/// and execution); the runtime's ordering labels (<c>Timestamp</c>, <c>Predecessor</c>) and its request time are the
/// runtime's, not the orchestration's. Activity inputs are not compared here: the Azure Storage provider does not keep
/// them in history.
/// </summary>
sealed record EpisodeAction(int Id, string Kind, string Name, string? Version, string? Target, string? Detail)
{
    public override string ToString() => $"#{Id} {Kind} {Name} v{Version} -> {Target} {Detail}";

    public static EpisodeAction FromWorker(P.OrchestratorAction action) => action.OrchestratorActionTypeCase switch
    {
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask =>
            new(action.Id, "ScheduleTask", action.ScheduleTask.Name, action.ScheduleTask.Version, null, null),
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration =>
            new(action.Id, "SubOrchestration", action.CreateSubOrchestration.Name, action.CreateSubOrchestration.Version, action.CreateSubOrchestration.InstanceId, action.CreateSubOrchestration.Input),
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer =>
            new(action.Id, "Timer", string.Empty, null, null, action.CreateTimer.FireAt.ToDateTime().ToString("O", CultureInfo.InvariantCulture)),
        // The worker sends an entity a Durable Task event carrying the request message (the extension passes it on as is).
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent when action.SendEvent.Instance.InstanceId.StartsWith('@') =>
            FromEntityRequest(action.Id, action.SendEvent.Instance.InstanceId, action.SendEvent.Name, action.SendEvent.Data),
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent =>
            new(action.Id, "Event", action.SendEvent.Name, null, action.SendEvent.Instance.InstanceId, action.SendEvent.Data),
        P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEntityMessage => FromEntityMessage(action.Id, action.SendEntityMessage),
        _ => new(action.Id, action.OrchestratorActionTypeCase.ToString(), string.Empty, null, null, action.ToString()),
    };

    static EpisodeAction FromEntityMessage(int id, P.SendEntityMessageAction message) => message.EntityMessageTypeCase switch
    {
        P.SendEntityMessageAction.EntityMessageTypeOneofCase.EntityOperationCalled => new(
            id, "EntityMessage", "op", null, message.EntityOperationCalled.TargetInstanceId,
            Message(message.EntityOperationCalled.Operation, signal: false, message.EntityOperationCalled.Input, message.EntityOperationCalled.RequestId, message.EntityOperationCalled.ParentInstanceId, message.EntityOperationCalled.ParentExecutionId)),
        P.SendEntityMessageAction.EntityMessageTypeOneofCase.EntityOperationSignaled => new(
            id, "EntityMessage", "op", null, message.EntityOperationSignaled.TargetInstanceId,
            Message(message.EntityOperationSignaled.Operation, signal: true, message.EntityOperationSignaled.Input, message.EntityOperationSignaled.RequestId, null, null)),
        _ => new(id, "EntityMessage:" + message.EntityMessageTypeCase, string.Empty, null, null, message.ToString()),
    };

    /// <summary>The action behind one history event of the local host's, or null for an event that is no action.</summary>
    public static EpisodeAction? FromHistory(JsonElement e)
    {
        var id = e.GetProperty("EventId").GetInt32();
        return TaskHubHistory.EventType(e) switch
        {
            "TaskScheduled" => new(id, "ScheduleTask", Text(e, HistoryName)!, Text(e, HistoryVersion), null, null),
            "SubOrchestrationInstanceCreated" => new(id, "SubOrchestration", Text(e, HistoryName)!, Text(e, HistoryVersion), e.GetProperty("InstanceId").GetString(), e.GetProperty("Input").GetString()),
            "TimerCreated" => new(id, "Timer", string.Empty, null, null, e.GetProperty("FireAt").GetDateTime().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            "EventSent" when e.GetProperty("InstanceId").GetString()!.StartsWith('@') =>
                FromEntityRequest(id, e.GetProperty("InstanceId").GetString()!, Text(e, HistoryName)!, e.GetProperty("Input").GetString()!),
            "EventSent" => new(id, "Event", Text(e, HistoryName)!, null, e.GetProperty("InstanceId").GetString(), e.GetProperty("Input").GetString()),
            _ => null,
        };
    }

    // The history event's own property names (DurableTask.Core's), which happen to be this record's too.
    const string HistoryName = "Name";
    const string HistoryVersion = "Version";

    static string? Text(JsonElement e, string property) => e.GetProperty(property).GetString();

    /// <summary>An entity request message (DurableTask.Core's <c>RequestMessage</c> JSON) sent as a Durable Task event.</summary>
    static EpisodeAction FromEntityRequest(int id, string target, string eventName, string message)
    {
        using var request = JsonDocument.Parse(message);
        var r = request.RootElement;
        var signal = r.TryGetProperty("signal", out var s) && s.GetBoolean();
        return new(id, "EntityMessage", eventName, null, target, Message(
            r.GetProperty("op").GetString()!,
            signal,
            r.TryGetProperty("input", out var input) ? input.GetString() : null,
            r.GetProperty("id").GetString()!,
            signal ? null : r.GetProperty("parent").GetString(),
            signal ? null : r.GetProperty("parentExecution").GetString()));
    }

    static string Message(string operation, bool signal, string? input, string requestId, string? parent, string? parentExecution) =>
        JsonSerializer.Serialize(new { operation, signal, input, requestId, parent, parentExecution });
}
