using Azure;
using Azure.Data.Tables;
using Swarm.Application.Security.ApiKeys;

namespace Swarm.Adapters.Storage;

/// <summary>API keys in Azure Table storage, one row per key, partitioned by key id so a request's lookup is a point read.</summary>
public sealed class TableApiKeyStore(TableServiceClient tables, string tableName = TableApiKeyStore.DefaultTable) : IApiKeyStore, IDisposable
{
    public const string DefaultTable = "SwarmApiKeys";
    const string Row = "key";
    readonly LazyTable table = new(tables, tableName);

    public async Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.KeyId, Row)
        {
            ["AgentId"] = record.AgentId,
            ["SecretHash"] = record.SecretHash,
            ["CreatedAt"] = record.CreatedAt,
            ["CreatedBy"] = record.CreatedBy,
        };
        await table.RunAsync(t => t.AddEntityAsync(entity, cancellationToken), cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var found = await table.RunAsync(t => t.GetEntityIfExistsAsync<TableEntity>(keyId, Row, cancellationToken: cancellationToken), cancellationToken);
        if (!found.HasValue || found.Value is not { } entity)
        {
            return null;
        }

        return new ApiKeyRecord(
            keyId,
            entity.GetString("AgentId"),
            entity.GetBinary("SecretHash"),
            entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            entity.GetString("CreatedBy") ?? string.Empty,
            entity.GetDateTimeOffset("RevokedAt"));
    }

    public async Task<bool> RevokeAsync(string agentId, string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var found = await table.RunAsync(t => t.GetEntityIfExistsAsync<TableEntity>(keyId, Row, cancellationToken: cancellationToken), cancellationToken);
        if (!found.HasValue || found.Value is not { } entity || entity.GetString("AgentId") != agentId)
        {
            return false;
        }

        if (entity.GetDateTimeOffset("RevokedAt") is null)
        {
            entity["RevokedAt"] = at;
            try
            {
                await table.RunAsync(t => t.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Revoked concurrently by another request: the outcome is the same.
            }
        }

        return true;
    }

    public Task<int> RevokeAllAsync(string agentId, DateTimeOffset at, CancellationToken cancellationToken) =>
        table.RunAsync(async client =>
        {
            var revoked = 0;
            await foreach (var entity in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"AgentId eq {agentId}"), cancellationToken: cancellationToken))
            {
                if (entity.GetDateTimeOffset("RevokedAt") is null && await RevokeAsync(agentId, entity.PartitionKey, at, cancellationToken))
                {
                    revoked++;
                }
            }

            return revoked;
        }, cancellationToken);

    public void Dispose() => table.Dispose();
}
