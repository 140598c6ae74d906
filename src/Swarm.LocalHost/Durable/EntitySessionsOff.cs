using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Entities;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// The worker's view of the backend when <c>durable:extendedSessions</c> is on: orchestrations keep their extended
/// sessions, entities are served without one, exactly as with the setting off.
/// <para>
/// The Azure Storage backend gives every work item, orchestration or entity, a session when extended sessions are on.
/// Within an entity's extended session DurableTask.Core passes the entity's state only with the session's first batch
/// (<c>TaskEntityDispatcher</c> clears its copy after each batch and marks the later ones
/// <see cref="WorkItemMetadata.IncludeState"/> false): it expects the code that runs the entity to keep the state
/// between batches, as the Durable Task SDK's gRPC worker does (<c>GrpcEntityRunner</c> with its
/// <c>ExtendedSessionsCache</c>). This host runs entities through the SDK's shim (<see cref="EntityCreator"/>), which
/// takes <see cref="DurableTask.Core.Entities.OperationFormat.EntityBatchRequest.EntityState"/> as it comes: every
/// batch after a session's first ran on an empty state and wrote it back, so the dispatch board forgot its agents and
/// the tasks waiting for them, and the first task waited for a seat that never came.
/// </para>
/// A work item without a session is what the backend hands out with extended sessions off (the setting only decides
/// whether it attaches its session); the entity dispatcher then runs the batch once and releases it.
/// </summary>
sealed class EntitySessionsOff(AzureStorageOrchestrationService backend) : IEntityOrchestrationService
{
    readonly IEntityOrchestrationService entities = backend;

    public async Task<TaskOrchestrationWorkItem> LockNextEntityWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        // Null when nothing arrived within the wait (the interface says otherwise, the dispatcher expects it).
        var workItem = await entities.LockNextEntityWorkItemAsync(receiveTimeout, cancellationToken);
        workItem?.Session = null;
        return workItem!;
    }

    public Task<TaskOrchestrationWorkItem> LockNextOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        entities.LockNextOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public EntityBackendProperties? EntityBackendProperties => entities.EntityBackendProperties;

    public EntityBackendQueries? EntityBackendQueries => entities.EntityBackendQueries;

    public int TaskOrchestrationDispatcherCount => backend.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => backend.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => backend.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => backend.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => backend.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync() => backend.StartAsync();

    public Task StopAsync() => backend.StopAsync();

    public Task StopAsync(bool isForced) => backend.StopAsync(isForced);

    public Task CreateAsync() => backend.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => backend.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => backend.CreateIfNotExistsAsync();

    public Task DeleteAsync() => backend.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => backend.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        backend.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => backend.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => backend.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        backend.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => backend.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        backend.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => backend.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => backend.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        backend.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => backend.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        backend.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => backend.AbandonTaskActivityWorkItemAsync(workItem);
}
