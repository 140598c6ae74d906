using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Swarm.Adapters.Storage;
using Swarm.Application.Configuration;

namespace Swarm.LocalHost.Durable;

/// <summary>The durable backend: Durable Task's Azure Storage provider, the one Durable Functions uses by default.</summary>
static class AzureStorageBackend
{
    /// <summary>
    /// A backend with the storage SDK's own retries: a worker's loops ride out an outage on their own. A worker's backend
    /// passes every request through <paramref name="fence"/>, which cuts it off once the worker is replaced.
    /// </summary>
    /// <param name="httpPort">
    /// The port this host listens on, which names its worker with the machine (<see cref="WorkerName"/>): no two hosts
    /// of one machine share a port, and a host started again on its port is the same worker.
    /// </param>
    /// <param name="restarts">
    /// How many times this process's worker was restarted before (after storage outages). The first worker takes the
    /// host's name, so a restarted process takes over the partitions its predecessor held at once; each later one a
    /// name of its own, because the worker it replaces may still be giving up its partitions, and under the same name
    /// it would give up the new worker's too.
    /// </param>
    public static AzureStorageOrchestrationService Create(SwarmSettings settings, ILoggerFactory loggers, int httpPort, int restarts = 0, StorageFence? fence = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var blobs = new BlobClientOptions();
        var queues = new QueueClientOptions();
        var tables = new TableClientOptions();
        if (fence is not null)
        {
            foreach (var options in new ClientOptions[] { blobs, queues, tables })
            {
                // Before the retries: a fenced request fails once, not once per retry.
                options.AddPolicy(fence, HttpPipelinePosition.PerCall);
            }
        }

        var backend = Settings(settings, Storage(settings.Database, blobs, queues, tables), loggers);
        backend.WorkerId = WorkerName(httpPort);
        if (restarts > 0)
        {
            backend.WorkerId += "-restart" + restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new AzureStorageOrchestrationService(backend);
    }

    /// <summary>
    /// The worker's name in the task hub's partition table. Durable Task's default is the machine's name, which two
    /// hosts on one machine would share: each would take the other's partition leases for its own, and both would run
    /// the same instances at once (the provider's "split brain" warnings, and entity batches thrown away).
    /// </summary>
    public static string WorkerName(int httpPort) =>
        Environment.MachineName + ":" + httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The table in which Durable Task's workers share out the task hub's partitions (named so by the provider).</summary>
    public static string PartitionTable(SwarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Durable.TaskHub + "Partitions";
    }

    /// <summary>
    /// The same task hub for the durable client that requests use (starting, querying, signalling), with storage calls
    /// bounded by <see cref="StorageRetries"/>: with the SDK's defaults a request that met a storage outage waited up to
    /// 30 s before it could answer 503. It is never started, so it runs no worker loop.
    /// </summary>
    public static AzureStorageOrchestrationService CreateForRequests(SwarmSettings settings, ILoggerFactory loggers)
    {
        var blobs = StorageRetries.Bounded(new BlobClientOptions());
        var queues = StorageRetries.Bounded(new QueueClientOptions());
        var tables = StorageRetries.Bounded(new TableClientOptions());
        return new AzureStorageOrchestrationService(Settings(settings, Storage(settings.Database, blobs, queues, tables), loggers));
    }

    static StorageAccountClientProvider Storage(DatabaseSettings database, BlobClientOptions blobs, QueueClientOptions queues, TableClientOptions tables)
    {
        if (!string.IsNullOrWhiteSpace(database.AccountName))
        {
            var identity = new Azure.Identity.DefaultAzureCredential();
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(new Uri($"https://{database.AccountName}.blob.core.windows.net"), identity, blobs),
                StorageServiceClientProvider.ForQueue(new Uri($"https://{database.AccountName}.queue.core.windows.net"), identity, queues),
                StorageServiceClientProvider.ForTable(new Uri($"https://{database.AccountName}.table.core.windows.net"), identity, tables));
        }

        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(database.ConnectionString!, blobs),
            StorageServiceClientProvider.ForQueue(database.ConnectionString!, queues),
            StorageServiceClientProvider.ForTable(database.ConnectionString!, tables));
    }

    static AzureStorageOrchestrationServiceSettings Settings(SwarmSettings settings, StorageAccountClientProvider storage, ILoggerFactory loggers)
    {
        var durable = settings.Durable;
        var backend = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = storage,
            TaskHubName = durable.TaskHub,
            PartitionCount = durable.PartitionCount,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(durable.MaxQueuePollingIntervalMs),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(durable.MessageVisibilityTimeoutSeconds),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(durable.MessageVisibilityTimeoutSeconds),
            LeaseInterval = TimeSpan.FromSeconds(durable.LeaseIntervalSeconds),
            LeaseRenewInterval = TimeSpan.FromSeconds(Math.Max(1, durable.LeaseIntervalSeconds / 3)),
            UseSeparateQueueForEntityWorkItems = true,
            LoggerFactory = loggers,
        };
        Tune(backend, durable);
        return backend;
    }

    /// <summary>
    /// The backend's own knobs that the settings set (<c>durable:extendedSessions</c>, batch sizes, concurrency); unset,
    /// the backend's defaults stay. The benchmark's plain baseline (<c>bench/…/Baseline/PlainWorker.cs</c>) does the same.
    /// </summary>
    static void Tune(AzureStorageOrchestrationServiceSettings backend, DurableSettings durable)
    {
        backend.ExtendedSessionsEnabled = durable.ExtendedSessions ?? backend.ExtendedSessionsEnabled;
        backend.ControlQueueBatchSize = durable.ControlQueueBatchSize ?? backend.ControlQueueBatchSize;
        backend.MaxConcurrentTaskOrchestrationWorkItems = durable.MaxConcurrentOrchestrations ?? backend.MaxConcurrentTaskOrchestrationWorkItems;
        backend.MaxConcurrentTaskActivityWorkItems = durable.MaxConcurrentActivities ?? backend.MaxConcurrentTaskActivityWorkItems;
        backend.MaxConcurrentTaskEntityWorkItems = durable.MaxConcurrentEntities ?? backend.MaxConcurrentTaskEntityWorkItems;
        backend.MaxEntityOperationBatchSize = durable.MaxEntityOperationBatchSize ?? backend.MaxEntityOperationBatchSize;
    }
}
