using Azure.Data.Tables;
using Swarm.Application.Health;

namespace Swarm.Adapters.Storage;

/// <summary>Table storage answers when it lists one table: the cheapest read that needs the account to be up.</summary>
public sealed class TableStorageProbe(TableServiceClient tables) : IStorageProbe
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }
}
