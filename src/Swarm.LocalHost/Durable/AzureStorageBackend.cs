using DurableTask.AzureStorage;
using Swarm.Runtime.Configuration;

namespace Swarm.LocalHost.Durable;

/// <summary>The durable backend: Durable Task's Azure Storage provider, the one Durable Functions uses by default.</summary>
static class AzureStorageBackend
{
    public static AzureStorageOrchestrationService Create(SwarmSettings settings, ILoggerFactory loggers)
    {
        var durable = settings.Durable;
        var database = settings.Database;
        var storage = !string.IsNullOrWhiteSpace(database.AccountName)
            ? new StorageAccountClientProvider(database.AccountName, new Azure.Identity.DefaultAzureCredential())
            : new StorageAccountClientProvider(database.ConnectionString!);
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
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
        });
    }
}
