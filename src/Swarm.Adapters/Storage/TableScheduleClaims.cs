using Azure;
using Azure.Data.Tables;
using Swarm.Application.Schedules;

namespace Swarm.Adapters.Storage;

/// <summary>
/// Schedule claims in Azure Table storage: one row per job holding the latest occurrence claimed and the host that
/// claimed it. A claim is an insert (the job's first) or a replace conditional on the row's ETag, so of the hosts racing
/// for one occurrence exactly one write succeeds and the others get 409 or 412; the table never grows past a row per job.
/// </summary>
public sealed class TableScheduleClaims(TableServiceClient tables, string tableName) : IScheduleClaims, IDisposable
{
    const string Row = "latest";
    readonly LazyTable table = new(tables, tableName);

    public Task<bool> TryClaimAsync(string job, DateTimeOffset occurrence, string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        return table.RunAsync(async client =>
        {
            var found = await client.GetEntityIfExistsAsync<TableEntity>(job, Row, cancellationToken: cancellationToken);
            var claim = new TableEntity(job, Row) { ["Occurrence"] = occurrence, ["Host"] = host, ["ClaimedAt"] = DateTimeOffset.UtcNow };
            try
            {
                if (!found.HasValue || found.Value is not { } latest)
                {
                    await client.AddEntityAsync(claim, cancellationToken);
                    return true;
                }

                if (latest.GetDateTimeOffset("Occurrence") is { } claimed && claimed >= occurrence)
                {
                    return false;
                }

                await client.UpdateEntityAsync(claim, latest.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another host wrote first: the occurrence is theirs.
                return false;
            }
        }, cancellationToken);
    }

    public void Dispose() => table.Dispose();
}
