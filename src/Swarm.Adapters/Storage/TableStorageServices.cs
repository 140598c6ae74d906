using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;

namespace Swarm.Adapters.Storage;

/// <summary>
/// Registers the swarm's Azure Table storage: one <see cref="TableServiceClient"/> from the <c>database</c> settings and
/// the stores on it, each under its concrete type. The composition root decides which of them serve which port.
/// </summary>
public static class TableStorageServices
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(_ => StorageClients.Tables(database));
        services.AddSingleton(sp => new TableStorageProbe(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(sp => new TableAgentDirectory(sp.GetRequiredService<TableServiceClient>(), database.TableName("Agents")));
        services.AddSingleton(sp => new TableTaskIndex(sp.GetRequiredService<TableServiceClient>(), database.TableName("TaskIndex")));
        services.AddSingleton(sp => new TableApiKeyStore(sp.GetRequiredService<TableServiceClient>(), database.TableName("ApiKeys")));
        services.AddSingleton(sp => new TableScheduleClaims(sp.GetRequiredService<TableServiceClient>(), database.TableName("Schedules")));
        services.AddSingleton(sp => new TableAuditTrail(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(Swarm.Workflows.LogCategories.Security), database.TableName("Audit")));
        return services;
    }
}
