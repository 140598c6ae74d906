using DurableTask.AzureStorage;
using System.Text.Json;
using DurableTask.Core.History;

namespace Swarm.LocalHost.Tests;

/// <summary>Reads what the durable backend recorded for an orchestration, straight from storage.</summary>
static class DurableHistories
{
    public static AzureStorageOrchestrationService Backend(LocalHostProcess host) => new(new AzureStorageOrchestrationServiceSettings
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(host.StorageConnectionString),
        TaskHubName = host.TaskHub,
        UseSeparateQueueForEntityWorkItems = true,
    });

    /// <summary>The event types of the orchestration's history, in order.</summary>
    public static async Task<IReadOnlyList<EventType>> ReadAsync(LocalHostProcess host, string instanceId) =>
        [.. (await ReadEventsAsync(host, instanceId)).Select(Type)];

    /// <summary>The names of the activities the orchestration scheduled, in order.</summary>
    public static async Task<IReadOnlyList<string>> ScheduledActivitiesAsync(LocalHostProcess host, string instanceId) =>
        [.. (await ReadEventsAsync(host, instanceId)).Where(e => Type(e) == EventType.TaskScheduled).Select(e => e.GetProperty("Name").GetString()!)];

    /// <summary>
    /// The ids of the scheduled activities that history records as completed, each once. A completion message delivered
    /// again after a crash (queues deliver at least once) can appear twice in history; the orchestration ignores the
    /// second, so what a test can hold is that every scheduled activity completed, not that no message repeated.
    /// </summary>
    public static async Task<IReadOnlyCollection<int>> CompletedActivityIdsAsync(LocalHostProcess host, string instanceId) =>
        [.. (await ReadEventsAsync(host, instanceId)).Where(e => Type(e) == EventType.TaskCompleted).Select(e => e.GetProperty("TaskScheduledId").GetInt32()).Distinct()];

    static async Task<JsonElement[]> ReadEventsAsync(LocalHostProcess host, string instanceId)
    {
        using var backend = Backend(host);
        var state = (await backend.GetOrchestrationStateAsync(instanceId, allExecutions: false)).Single();
        var history = await backend.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId);
        return JsonSerializer.Deserialize<JsonElement[]>(history)!;
    }

    static EventType Type(JsonElement e) => (EventType)e.GetProperty("EventType").GetInt32();
}
