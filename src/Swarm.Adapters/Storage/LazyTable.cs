using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Swarm.Adapters.Storage;

/// <summary>
/// A table created the first time it is needed, and again if storage loses it. The check runs once per process while
/// it succeeds; a failed creation (storage down at start-up) is retried by the next call instead of being remembered.
/// A table can vanish after that: deleted by hand, or lost by a storage emulator killed within its save interval (it
/// comes back with what it saved last). <see cref="RunAsync{T}"/> then creates it again, once, and runs the operation
/// again, so a store heals by itself instead of failing every call until the process restarts.
/// </summary>
public sealed class LazyTable(TableServiceClient tables, string name) : IDisposable
{
    readonly TableClient table = tables.GetTableClient(name);
    readonly SemaphoreSlim creating = new(1, 1);
    volatile bool created;

    public string Name => name;

    /// <summary>
    /// Runs <paramref name="operation"/> on the table. If storage answers that the table does not exist, creates it and
    /// runs the operation once more (its first run wrote nothing); a second such answer is thrown to the caller.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<TableClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var client = await GetAsync(cancellationToken);
        try
        {
            return await operation(client);
        }
        catch (RequestFailedException e) when (IsTableMissing(e))
        {
            await client.CreateIfNotExistsAsync(cancellationToken);
            return await operation(client);
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<TableClient, Task> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(async client =>
        {
            await operation(client);
            return true;
        }, cancellationToken);
    }

    async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await creating.WaitAsync(cancellationToken);
            try
            {
                if (!created)
                {
                    await table.CreateIfNotExistsAsync(cancellationToken);
                    created = true;
                }
            }
            finally
            {
                creating.Release();
            }
        }

        return table;
    }

    static bool IsTableMissing(RequestFailedException e) =>
        e.Status == 404 && e.ErrorCode == TableErrorCode.TableNotFound;

    public void Dispose() => creating.Dispose();
}
