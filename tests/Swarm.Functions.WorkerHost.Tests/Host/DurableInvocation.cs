using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using P = Microsoft.DurableTask.Protobuf;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// The InvocationRequests the Functions host sends for durable triggers when the durable extension (3.19.0, the version
/// functions.metadata's worker extensions pin) talks to an isolated worker in its "middleware passthrough" protocol:
/// <list type="bullet">
/// <item>orchestration: the trigger's value is a base64 <c>OrchestratorRequest</c> (the extension's
/// <c>OrchestrationTriggerBinding.BindAsync</c>: past and new history events converted by <c>ProtobufUtils.ToHistoryEventProto</c>,
/// the entity parameters, and the instance configuration and <c>defaultVersion</c> as properties), no binding data;</item>
/// <item>entity: a base64 <c>EntityBatchRequest</c> (<c>ToEntityBatchRequest</c>: state, operations with their request
/// ids, the <c>RollbackEntityOperationsOnExceptions</c> option as a property), no binding data;</item>
/// <item>activity: the scheduled input as the JSON text of its one value (the extension's <c>DurableActivityContext</c>
/// for a dotnet-isolated worker unwraps the one-element array Durable Task stores), with <c>instanceId</c> and
/// <c>data</c> as binding data.</item>
/// </list>
/// The worker answers each with its return value: a base64 <c>OrchestratorResponse</c> or <c>EntityBatchResult</c>, or
/// the activity's serialized output.
/// </summary>
static class DurableInvocation
{
    /// <summary>host.json's <c>extensions.durableTask.defaultVersion</c>, which the extension passes on.</summary>
    const string DefaultVersion = "1.0";

    /// <summary>The Azure Storage provider's entity message reorder window (its default, 30 minutes), which Durable Task hands the extension.</summary>
    static readonly TimeSpan EntityMessageReorderWindow = TimeSpan.FromMinutes(30);

    public static InvocationRequest Orchestration(RpcFunctionMetadata function, string instanceId, IEnumerable<P.HistoryEvent> pastEvents, IEnumerable<P.HistoryEvent> newEvents)
    {
        var request = new P.OrchestratorRequest
        {
            InstanceId = instanceId,
            PastEvents = { pastEvents },
            NewEvents = { newEvents },
            EntityParameters = new P.OrchestratorEntityParameters { EntityMessageReorderWindow = Duration.FromTimeSpan(EntityMessageReorderWindow) },
        };

        // RemoteInstanceConfiguration's properties, as ConvertPocoToProtoMap reads them, without extended sessions.
        request.Properties["HttpDefaultAsyncRequestSleepTimeMilliseconds"] = Value.ForNumber(30000);
        request.Properties["IncludeState"] = Value.ForBool(true);
        request.Properties["IsExtendedSession"] = Value.ForBool(false);
        request.Properties["ExtendedSessionIdleTimeoutInSeconds"] = Value.ForNumber(0);
        request.Properties["defaultVersion"] = Value.ForString(DefaultVersion);
        return Invocation(function, "orchestrationTrigger", new TypedData { String = request.ToByteString().ToBase64() });
    }

    public static InvocationRequest Entity(RpcFunctionMetadata function, string instanceId, string? state, IEnumerable<P.OperationRequest> operations)
    {
        var request = new P.EntityBatchRequest { InstanceId = instanceId, EntityState = state, Operations = { operations } };
        request.Properties["RollbackEntityOperationsOnExceptions"] = Value.ForBool(true);
        return Invocation(function, "entityTrigger", new TypedData { String = request.ToByteString().ToBase64() });
    }

    /// <param name="storedInput">The input as Durable Task stores it for the activity: a JSON array of one value.</param>
    public static InvocationRequest Activity(RpcFunctionMetadata function, string instanceId, string storedInput)
    {
        using var stored = JsonDocument.Parse(storedInput);
        var input = stored.RootElement.ValueKind == JsonValueKind.Array ? stored.RootElement[0].GetRawText() : stored.RootElement.GetRawText();
        var invocation = Invocation(function, "activityTrigger", new TypedData { String = input });
        invocation.TriggerMetadata["instanceId"] = new TypedData { String = instanceId };
        invocation.TriggerMetadata["data"] = new TypedData { Json = input };
        return invocation;
    }

    public static P.OrchestratorResponse OrchestratorResponse(InvocationResponse response) =>
        P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(ReturnedString(response)));

    public static P.EntityBatchResult EntityBatchResult(InvocationResponse response) =>
        P.EntityBatchResult.Parser.ParseFrom(Convert.FromBase64String(ReturnedString(response)));

    /// <summary>The return value as the host reads it back (a string for durable triggers; JSON text for an activity's output).</summary>
    public static string ReturnedString(InvocationResponse response) => response.ReturnValue.DataCase switch
    {
        TypedData.DataOneofCase.String => response.ReturnValue.String,
        TypedData.DataOneofCase.Json => response.ReturnValue.Json,
        TypedData.DataOneofCase.Bytes => response.ReturnValue.Bytes.ToStringUtf8(),
        _ => throw new InvalidOperationException($"The worker returned {response.ReturnValue.DataCase}, not a string."),
    };

    static InvocationRequest Invocation(RpcFunctionMetadata function, string triggerType, TypedData trigger) =>
        InvocationRequests.For(function, triggerType, trigger, durable: null, DateTime.UtcNow);
}
