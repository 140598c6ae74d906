using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Swarm.Application.Audit;

namespace Swarm.Adapters.Storage;

/// <summary>
/// The audit trail in Azure Table storage (table <see cref="DefaultTable"/>, created on first use). Append-only by
/// construction: the only write it issues is an insert (<c>AddEntityAsync</c>), which fails rather than overwrite,
/// and nothing here updates or deletes. Keys are described in <see cref="AuditKeys"/>: one partition per UTC day,
/// newest first inside it, so a query walks its days from the newest down and pages without sorting.
/// </summary>
public sealed partial class TableAuditTrail : IAuditTrail, IDisposable
{
    public const string DefaultTable = "SwarmAudit";

    readonly LazyTable table;
    readonly ILogger logger;

    public TableAuditTrail(TableServiceClient tables, ILogger logger, string tableName = DefaultTable)
    {
        ArgumentNullException.ThrowIfNull(tables);
        table = new LazyTable(tables, tableName);
        this.logger = logger;
    }

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var bounded = Bound(record);
        try
        {
            await InsertAsync(bounded, cancellationToken);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            LogAppendFailedClosed(logger, e, bounded.Action, bounded.Outcome, bounded.CorrelationId);
            throw new AuditUnavailableException("The audit trail did not take the record of " + bounded.Action + ".", e);
        }
    }

    public async Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var bounded = Bound(record);
        try
        {
            await InsertAsync(bounded, cancellationToken);
            return true;
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            LogAppendFailedOpen(logger, e, bounded.Action, bounded.Outcome, bounded.CorrelationId);
            return false;
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.To <= query.From || query.To - query.From > AuditQuery.MaxRange)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"'To' must be after 'From' and at most {AuditQuery.MaxRange.TotalDays} days later.");
        }

        if (query.PageSize is < 1 or > AuditQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"The page size must be 1 to {AuditQuery.MaxPageSize}.");
        }

        var oldestDay = AuditKeys.DayOf(query.From);
        var newestDay = AuditKeys.DayOf(query.To.AddTicks(-1));
        var start = query.ContinuationToken is null ? null : AuditContinuation.Decode(query.ContinuationToken, oldestDay, newestDay);

        // One record more than the page is read (following days if need be), so the token is null exactly when
        // nothing is left, and a client never pages into an empty page.
        var found = await table.RunAsync(async client =>
        {
            var read = new List<(DateOnly Day, TableEntity Entity)>(query.PageSize + 1);
            var day = start?.Day ?? newestDay;
            while (true)
            {
                var filter = Filter(query, day, day == start?.Day ? start.AfterRowKey : null);
                var wanted = query.PageSize + 1 - read.Count;
                await foreach (var entity in client.QueryAsync<TableEntity>(filter, maxPerPage: wanted, cancellationToken: cancellationToken))
                {
                    read.Add((day, entity));
                    if (read.Count > query.PageSize)
                    {
                        break;
                    }
                }

                if (read.Count > query.PageSize || day <= oldestDay)
                {
                    return read;
                }

                day = day.AddDays(-1);
            }
        }, cancellationToken);

        var items = found.Take(query.PageSize).Select(f => ToRecord(f.Entity)).ToList();
        var token = found.Count > query.PageSize
            ? new AuditContinuation(found[query.PageSize - 1].Day, found[query.PageSize - 1].Entity.RowKey).Encode()
            : null;
        return new AuditPage(items, token);
    }

    public void Dispose() => table.Dispose();

    static AuditRecord Bound(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Bounded();
    }

    async Task InsertAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(AuditKeys.PartitionKey(AuditKeys.DayOf(record.Time)), AuditKeys.NewRowKey(record.Time))
        {
            // The row key holds the exact time; this copy is for people reading the table with other tools.
            ["Time"] = record.Time,
            ["Principal"] = record.Principal,
            ["Action"] = record.Action,
            ["Resource"] = record.Resource,
            ["Outcome"] = record.Outcome,
            ["CorrelationId"] = record.CorrelationId,
        };
        if (record.Status is { } status)
        {
            entity["Status"] = status;
        }

        if (record.ClientAddress is { } address)
        {
            entity["ClientAddress"] = address;
        }

        if (record.Detail is { } detail)
        {
            entity["Detail"] = detail;
        }

        await table.RunAsync(client => client.AddEntityAsync(entity, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Builds the OData filter of one day's partition. Every value, including the caller's principal and action,
    /// goes through <see cref="TableClient.CreateQueryFilter(FormattableString)"/>, which quotes and escapes it, so
    /// a value such as <c>o'brien</c> is matched literally and cannot change the filter; only those escaped
    /// fragments are joined.
    /// </summary>
    static string Filter(AuditQuery query, DateOnly day, string? afterRowKey)
    {
        var partition = AuditKeys.PartitionKey(day);
        var newest = AuditKeys.Boundary(query.To.UtcTicks - 1);
        var oldest = AuditKeys.Boundary(query.From.UtcTicks - 1);
        var clauses = new List<string>(5)
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {newest} and RowKey lt {oldest}"),
        };
        if (afterRowKey is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey gt {afterRowKey}"));
        }

        if (query.Principal is { } principal)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Principal eq {principal}"));
        }

        if (query.Action is { } action)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Action eq {action}"));
        }

        return string.Join(" and ", clauses);
    }

    static AuditRecord ToRecord(TableEntity entity) => new(
        AuditKeys.TimeOf(entity.RowKey) ?? entity.GetDateTimeOffset("Time") ?? DateTimeOffset.MinValue,
        entity.GetString("Principal") ?? AuditRecord.Anonymous,
        entity.GetString("Action") ?? string.Empty,
        entity.GetString("Resource") ?? string.Empty,
        entity.GetString("Outcome") ?? string.Empty,
        entity.GetInt32("Status"),
        entity.GetString("CorrelationId") ?? string.Empty,
        entity.GetString("ClientAddress"),
        entity.GetString("Detail"));

    static bool IsCancellation(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    [LoggerMessage(EventId = 1411, Level = LogLevel.Error, Message = "Audit record {Action} ({Outcome}, correlation {CorrelationId}) was not written; the request fails because its record is part of it")]
    static partial void LogAppendFailedClosed(ILogger logger, Exception exception, string action, string outcome, string correlationId);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Error, Message = "Audit record {Action} ({Outcome}, correlation {CorrelationId}) was not written; the request goes on without it")]
    static partial void LogAppendFailedOpen(ILogger logger, Exception exception, string action, string outcome, string correlationId);
}
