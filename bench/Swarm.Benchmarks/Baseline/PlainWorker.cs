using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Application.Configuration;

namespace Swarm.Benchmarks.Baseline;

/// <summary>
/// The baseline's worker and client, in this process: DurableTask.Core on DurableTask.AzureStorage, the packages and
/// versions the local host runs on, configured as <c>src/Swarm.LocalHost/Durable/AzureStorageBackend.cs</c> configures
/// them from the same durable settings. Only <see cref="PlainOrchestration"/> and <see cref="PlainModelCallActivity"/>
/// are registered: no entities, no audit trail, no API.
/// </summary>
sealed class PlainWorker : IAsyncDisposable
{
    readonly TaskHubWorker worker;

    PlainWorker(AzureStorageOrchestrationService service, TaskHubWorker worker)
    {
        this.worker = worker;
        Client = new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance);
    }

    public TaskHubClient Client { get; }

    public static async Task<PlainWorker> StartAsync(string connectionString, string taskHub, DurableSettings durable, TimeSpan modelLatency)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var service = new AzureStorageOrchestrationService(Settings(connectionString, taskHub, durable));
        await service.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(typeof(PlainOrchestration));
        worker.AddTaskActivities(new NameValueObjectCreator<TaskActivity>(PlainModelCallActivity.Name, string.Empty, new PlainModelCallActivity(modelLatency)));
        await worker.StartAsync();
        return new PlainWorker(service, worker);
    }

    /// <summary>The local host's settings (<c>AzureStorageBackend</c>), so the two differ in what runs on them, not in how the backend polls.</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(string connectionString, string taskHub, DurableSettings durable)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var backend = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            PartitionCount = durable.PartitionCount,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(durable.MaxQueuePollingIntervalMs),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(durable.MessageVisibilityTimeoutSeconds),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(durable.MessageVisibilityTimeoutSeconds),
            LeaseInterval = TimeSpan.FromSeconds(durable.LeaseIntervalSeconds),
            LeaseRenewInterval = TimeSpan.FromSeconds(Math.Max(1, durable.LeaseIntervalSeconds / 3)),
            UseSeparateQueueForEntityWorkItems = true,
            LoggerFactory = NullLoggerFactory.Instance,
        };

        // The backend's own knobs, as AzureStorageBackend.Tune sets them: unset, the backend's defaults stay.
        backend.ExtendedSessionsEnabled = durable.ExtendedSessions ?? backend.ExtendedSessionsEnabled;
        backend.ControlQueueBatchSize = durable.ControlQueueBatchSize ?? backend.ControlQueueBatchSize;
        backend.MaxConcurrentTaskOrchestrationWorkItems = durable.MaxConcurrentOrchestrations ?? backend.MaxConcurrentTaskOrchestrationWorkItems;
        backend.MaxConcurrentTaskActivityWorkItems = durable.MaxConcurrentActivities ?? backend.MaxConcurrentTaskActivityWorkItems;
        backend.MaxConcurrentTaskEntityWorkItems = durable.MaxConcurrentEntities ?? backend.MaxConcurrentTaskEntityWorkItems;
        backend.MaxEntityOperationBatchSize = durable.MaxEntityOperationBatchSize ?? backend.MaxEntityOperationBatchSize;
        return backend;
    }

    public async ValueTask DisposeAsync() => await worker.StopAsync(isForced: true);
}
