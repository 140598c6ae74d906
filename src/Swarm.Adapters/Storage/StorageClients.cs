using Azure.Data.Tables;
using Azure.Identity;
using Swarm.Application.Configuration;

namespace Swarm.Adapters.Storage;

/// <summary>
/// Storage clients from the <c>database</c> settings: a connection string (Azurite, keys) or a managed identity (Azure),
/// with retries bounded by <see cref="StorageRetries"/> so a storage outage is reported within seconds.
/// </summary>
public static class StorageClients
{
    public static TableServiceClient Tables(DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var options = StorageRetries.Bounded(new TableClientOptions());
        return !string.IsNullOrWhiteSpace(database.AccountName)
            ? new TableServiceClient(new Uri($"https://{database.AccountName}.table.core.windows.net"), new DefaultAzureCredential(), options)
            : new TableServiceClient(database.ConnectionString, options);
    }
}
