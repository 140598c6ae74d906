using Azure.Data.Tables;

namespace Swarm.Adapters.Storage;

/// <summary>
/// A table created the first time it is needed. The check runs once per process while it succeeds; a failed creation
/// (storage down at start-up) is retried by the next call instead of being remembered.
/// </summary>
public sealed class LazyTable(TableServiceClient tables, string name) : IDisposable
{
    readonly TableClient table = tables.GetTableClient(name);
    readonly SemaphoreSlim creating = new(1, 1);
    volatile bool created;

    public string Name => name;

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
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

    public void Dispose() => creating.Dispose();
}
