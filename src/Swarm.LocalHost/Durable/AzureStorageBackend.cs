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
    /// <summary>The worker's backend, with the storage SDK's own retries: its loops ride out an outage on their own.</summary>
    public static AzureStorageOrchestrationService Create(SwarmSettings settings, ILoggerFactory loggers)
    {
        var database = settings.Database;
        var storage = !string.IsNullOrWhiteSpace(database.AccountName)
            ? new StorageAccountClientProvider(database.AccountName, new Azure.Identity.DefaultAzureCredential())
            : new StorageAccountClientProvider(database.ConnectionString!);
        return new AzureStorageOrchestrationService(Settings(settings, storage, loggers));
    }

    /// <summary>
    /// The same task hub for the durable client that requests use (starting, querying, signalling), with storage calls
    /// bounded by <see cref="StorageRetries"/>: with the SDK's defaults a request that met a storage outage waited up to
    /// 30 s before it could answer 503. It is never started, so it runs no worker loop.
    /// </summary>
    public static AzureStorageOrchestrationService CreateForRequests(SwarmSettings settings, ILoggerFactory loggers)
    {
        var database = settings.Database;
        var blobs = StorageRetries.Bounded(new BlobClientOptions());
        var queues = StorageRetries.Bounded(new QueueClientOptions());
        var tables = StorageRetries.Bounded(new TableClientOptions());
        StorageAccountClientProvider storage;
        if (!string.IsNullOrWhiteSpace(database.AccountName))
        {
            var identity = new Azure.Identity.DefaultAzureCredential();
            storage = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(new Uri($"https://{database.AccountName}.blob.core.windows.net"), identity, blobs),
                StorageServiceClientProvider.ForQueue(new Uri($"https://{database.AccountName}.queue.core.windows.net"), identity, queues),
                StorageServiceClientProvider.ForTable(new Uri($"https://{database.AccountName}.table.core.windows.net"), identity, tables));
        }
        else
        {
            storage = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(database.ConnectionString!, blobs),
                StorageServiceClientProvider.ForQueue(database.ConnectionString!, queues),
                StorageServiceClientProvider.ForTable(database.ConnectionString!, tables));
        }

        return new AzureStorageOrchestrationService(Settings(settings, storage, loggers));
    }

    static AzureStorageOrchestrationServiceSettings Settings(SwarmSettings settings, StorageAccountClientProvider storage, ILoggerFactory loggers)
    {
        var durable = settings.Durable;
        return new AzureStorageOrchestrationServiceSettings
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
    }
}
