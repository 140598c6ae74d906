using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core.Entities;
using Google.Protobuf.WellKnownTypes;
using P = Microsoft.DurableTask.Protobuf;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// An instance's history as the local host's Durable Task runtime wrote it to its task hub, read with Durable Task's
/// Azure Storage provider (one JSON object per history event, with its <c>EventType</c>), and the instance's first
/// episode taken from it: the events it ran on and the actions it took.
/// </summary>
sealed class TaskHubHistory
{
    TaskHubHistory(IReadOnlyList<JsonElement> events) => Events = events;

    public IReadOnlyList<JsonElement> Events { get; }

    public bool Completed => Events.Any(e => EventType(e) == "ExecutionCompleted");

    /// <summary>The events the first episode was given: everything before its first <c>OrchestratorCompleted</c> that is no action of its own.</summary>
    public IReadOnlyList<JsonElement> FirstEpisodeEvents => [.. FirstEpisode.Where(e => EpisodeAction.FromHistory(e) is null)];

    /// <summary>The actions the first episode took, as the runtime recorded them.</summary>
    public IReadOnlyList<EpisodeAction> FirstEpisodeActions => [.. FirstEpisode.Select(EpisodeAction.FromHistory).OfType<EpisodeAction>()];

    IEnumerable<JsonElement> FirstEpisode => Events.TakeWhile(e => EventType(e) != "OrchestratorCompleted");

    public static async Task<TaskHubHistory> ReadAsync(string storageConnectionString, string taskHub, string instanceId)
    {
        var json = await Service(storageConnectionString, taskHub).GetOrchestrationHistoryAsync(instanceId, executionId: null);
        using var document = JsonDocument.Parse(json);
        return new TaskHubHistory([.. document.RootElement.EnumerateArray().Select(e => e.Clone())]);
    }

    /// <summary>An entity's state as the local host's runtime keeps it, or null while it has none.</summary>
    public static async Task<string?> EntityStateAsync(string storageConnectionString, string taskHub, string name, string key)
    {
        var queries = ((IEntityOrchestrationService)Service(storageConnectionString, taskHub)).EntityBackendQueries!;
        var entity = await queries.GetEntityAsync(new EntityId(name, key), includeState: true, includeStateless: false, CancellationToken.None);
        return entity?.SerializedState;
    }

    public static string EventType(JsonElement e) => ((DurableTask.Core.History.EventType)e.GetProperty("EventType").GetInt32()).ToString();

    /// <summary>
    /// One event of the local history in the protocol's form, as the extension's <c>ProtobufUtils.ToHistoryEventProto</c>
    /// converts Durable Task's event for the worker (the two kinds a first episode starts with).
    /// </summary>
    public static P.HistoryEvent ToProto(JsonElement e)
    {
        var proto = new P.HistoryEvent
        {
            EventId = e.GetProperty("EventId").GetInt32(),
            Timestamp = Timestamp.FromDateTime(e.GetProperty("Timestamp").GetDateTimeOffset().UtcDateTime),
        };
        switch (EventType(e))
        {
            case "OrchestratorStarted":
                proto.OrchestratorStarted = new P.OrchestratorStartedEvent();
                break;
            case "ExecutionStarted":
                var instance = e.GetProperty("OrchestrationInstance");
                proto.ExecutionStarted = new P.ExecutionStartedEvent
                {
                    Name = e.GetProperty("Name").GetString(),
                    Version = e.GetProperty("Version").GetString(),
                    Input = e.GetProperty("Input").GetString(),
                    OrchestrationInstance = new P.OrchestrationInstance
                    {
                        InstanceId = instance.GetProperty("InstanceId").GetString(),
                        ExecutionId = instance.GetProperty("ExecutionId").GetString(),
                    },
                };
                if (e.GetProperty("ParentTraceContext") is { ValueKind: JsonValueKind.Object } trace)
                {
                    proto.ExecutionStarted.ParentTraceContext = new P.TraceContext
                    {
                        TraceParent = trace.GetProperty("TraceParent").GetString(),
                        TraceState = trace.TryGetProperty("TraceState", out var state) ? state.GetString() : null,
                    };
                }

                if (e.TryGetProperty("Tags", out var tags) && tags.ValueKind == JsonValueKind.Object)
                {
                    foreach (var tag in tags.EnumerateObject())
                    {
                        proto.ExecutionStarted.Tags[tag.Name] = tag.Value.GetString();
                    }
                }

                break;
            default:
                throw new NotSupportedException($"A first episode given {EventType(e)} is not one this test host builds.");
        }

        return proto;
    }

    static AzureStorageOrchestrationService Service(string storageConnectionString, string taskHub) => new(new AzureStorageOrchestrationServiceSettings
    {
        TaskHubName = taskHub,
        StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
    });
}
