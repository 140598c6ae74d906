using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Swarm.Application.Tasks;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks.Index;

namespace Swarm.Adapters.Storage;

/// <summary>
/// The task index in Azure Table storage (keys in <see cref="TaskIndexKeys"/>): a row per task in the partition of
/// everyone's tasks and in its submitter's, and while it is unfinished in the open partition. The listing is a range
/// query over one partition, newest first; the queue view reads the open partition, as large as the backlog.
/// </summary>
public sealed class TableTaskIndex(TableServiceClient tables, string tableName) : ITaskIndex, ITaskListing, IDisposable
{
    /// <summary>The columns a listing reads (every one but Table storage's own).</summary>
    static readonly string[] Columns = ["RowKey", "TaskId", "SubmittedBy", "AcceptedAt", "Status", "Phase", "Strategy", "Priority", "AgentId", "Agents", "UpdatedAt", "ErrorType"];

    readonly LazyTable table = new(tables, tableName);

    public async Task RecordAsync(TaskIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = TaskIndexKeys.RowKey(entry.AcceptedAt, entry.TaskId);
        await table.RunAsync(client => entry.IsFinished ? RecordEndAsync(client, rowKey, entry, cancellationToken) : RecordUnfinishedAsync(client, rowKey, entry, cancellationToken), cancellationToken);
    }

    /// <summary>Attempts of an unfinished write whose row of everyone's tasks keeps changing under it (another unfinished write).</summary>
    const int UnfinishedWriteAttempts = 5;

    // The row of everyone's tasks decides: an end writes it first and the other rows after it, and an unfinished write
    // writes it under the ETag it read, beside its other rows. So if an end lands on it after the unfinished write read
    // it, the unfinished write's own row is refused, and once its other rows are written it writes them again as the end
    // has them. Left open: its other rows are sent with its own, so one delayed past the end's later writes (a slow
    // retry) can still leave an ended task in the open partition; the self-healing pass records such an end
    // (TaskIndexCatchUp). Making them wait for its own row would close that and cost a round trip on every write.
    static async Task RecordEndAsync(TableClient client, string rowKey, TaskIndexEntry entry, CancellationToken cancellationToken)
    {
        await client.UpsertEntityAsync(ToEntity(TaskIndexKeys.Everyone, rowKey, entry), TableUpdateMode.Replace, cancellationToken);
        await RecordBesideAsync(client, rowKey, entry, cancellationToken);
    }

    // A late write (a retried activity, a write that crossed the canceling or the end of its task) must not reopen a finished task.
    static async Task RecordUnfinishedAsync(TableClient client, string rowKey, TaskIndexEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await client.GetEntityIfExistsAsync<TableEntity>(TaskIndexKeys.Everyone, rowKey, ["Status"], cancellationToken);
            if (read.HasValue && IsFinished(read.Value!))
            {
                return;
            }

            var beside = RecordBesideAsync(client, rowKey, entry, cancellationToken);
            var refused = false;
            try
            {
                var row = ToEntity(TaskIndexKeys.Everyone, rowKey, entry);
                await (read.HasValue ? client.UpdateEntityAsync(row, read.Value!.ETag, TableUpdateMode.Replace, cancellationToken) : client.AddEntityAsync(row, cancellationToken));
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                refused = true;
            }

            await beside;
            if (!refused)
            {
                return;
            }

            // The row changed since it was read. If the task has ended meanwhile, the rows just written say otherwise:
            // write them as the end has them. If another unfinished write came, read again and write once more.
            var now = await client.GetEntityIfExistsAsync<TableEntity>(TaskIndexKeys.Everyone, rowKey, cancellationToken: cancellationToken);
            if (now.HasValue && FromEntity(now.Value!) is { IsFinished: true } ended)
            {
                await RecordBesideAsync(client, rowKey, ended, cancellationToken);
                return;
            }

            if (attempt == UnfinishedWriteAttempts)
            {
                throw new RequestFailedException(412, $"The task index row of {entry.TaskId} kept changing under {UnfinishedWriteAttempts} writes.");
            }
        }
    }

    /// <summary>The rows beside everyone's: the open partition's (kept while unfinished, removed at the end) and the submitter's.</summary>
    static Task RecordBesideAsync(TableClient client, string rowKey, TaskIndexEntry entry, CancellationToken cancellationToken)
    {
        var writes = new List<Task>
        {
            entry.IsFinished
                ? LeaveOpenAsync(client, rowKey, cancellationToken)
                : client.UpsertEntityAsync(ToEntity(TaskIndexKeys.Open, rowKey, entry), TableUpdateMode.Replace, cancellationToken),
        };
        if (entry.SubmittedBy is { } submitter)
        {
            writes.Add(client.UpsertEntityAsync(ToEntity(TaskIndexKeys.Submitter(submitter), rowKey, entry), TableUpdateMode.Replace, cancellationToken));
        }

        return Task.WhenAll(writes);
    }

    public async Task<TaskListPage> ListAsync(TaskListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ContinuationToken is { } token && !TaskIndexKeys.IsRowKey(token))
        {
            throw new ArgumentException("The continuation token was not issued by this listing.", nameof(query));
        }

        // Unfinished tasks are read from the open partition (the backlog), finished ones from everyone's or the submitter's.
        var open = query.Status is { } wanted && !IsFinished(wanted);
        var partition = open || query.SubmittedBy is null ? (open ? TaskIndexKeys.Open : TaskIndexKeys.Everyone) : TaskIndexKeys.Submitter(query.SubmittedBy);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (query.ContinuationToken is { } after)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        if (open && query.SubmittedBy is { } submitter)
        {
            filter += " and " + TableClient.CreateQueryFilter($"SubmittedBy eq {submitter}");
        }

        // One more than the page: whether there is a next page is known without handing out a token to an empty one.
        var rows = await ReadAsync(filter, query.PageSize + 1, cancellationToken);
        return rows.Count > query.PageSize
            ? new TaskListPage([.. rows.Take(query.PageSize).Select(r => r.Entry)], rows[query.PageSize - 1].RowKey)
            : new TaskListPage([.. rows.Select(r => r.Entry)], null);
    }

    public async Task<OpenTasks> OpenAsync(int limit, string? submittedBy, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TaskIndexKeys.Open}");
        if (submittedBy is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"SubmittedBy eq {submittedBy}");
        }

        var rows = await ReadAsync(filter, limit + 1, cancellationToken);
        return new OpenTasks([.. rows.Take(limit).Select(r => r.Entry)], rows.Count <= limit);
    }

    Task<List<(string RowKey, TaskIndexEntry Entry)>> ReadAsync(string filter, int count, CancellationToken cancellationToken) =>
        table.RunAsync(async client =>
        {
            var rows = new List<(string, TaskIndexEntry)>();
            await foreach (var row in client.QueryAsync<TableEntity>(filter, Math.Min(count, 1_000), Columns, cancellationToken))
            {
                if (FromEntity(row) is { } entry)
                {
                    rows.Add((row.RowKey, entry));
                    if (rows.Count == count)
                    {
                        break;
                    }
                }
            }

            return rows;
        }, cancellationToken);

    static async Task LeaveOpenAsync(TableClient client, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(TaskIndexKeys.Open, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: a repeated end, or a task whose earlier writes never came.
        }
    }

    static bool IsFinished(TaskRunStatus status) => status is TaskRunStatus.Completed or TaskRunStatus.Failed or TaskRunStatus.Canceled;

    static bool IsFinished(TableEntity row) => Enum.TryParse<TaskRunStatus>(row.GetString("Status"), out var status) && IsFinished(status);

    static TableEntity ToEntity(string partition, string rowKey, TaskIndexEntry e) => new(partition, rowKey)
    {
        ["TaskId"] = e.TaskId,
        ["SubmittedBy"] = e.SubmittedBy,
        ["AcceptedAt"] = e.AcceptedAt,
        ["Status"] = e.Status.ToString(),
        ["Phase"] = e.Phase,
        ["Strategy"] = e.Strategy,
        ["Priority"] = e.Priority,
        ["AgentId"] = e.AgentId,
        ["Agents"] = JsonSerializer.Serialize(e.Agents),
        ["UpdatedAt"] = e.UpdatedAt,
        ["ErrorType"] = e.ErrorType,
    };

    static TaskIndexEntry? FromEntity(TableEntity e)
    {
        if (e.GetString("TaskId") is not { } id || !Enum.TryParse<TaskRunStatus>(e.GetString("Status"), out var status))
        {
            return null; // not a row this version writes
        }

        return new TaskIndexEntry(
            id,
            e.GetString("SubmittedBy"),
            e.GetDateTimeOffset("AcceptedAt") ?? DateTimeOffset.MinValue,
            status,
            e.GetString("Phase"),
            e.GetString("Strategy"),
            e.GetInt32("Priority") ?? 5, // always written; 5 is the API's default priority
            e.GetString("AgentId"),
            e.GetString("Agents") is { Length: > 0 } agents ? JsonSerializer.Deserialize<string[]>(agents) ?? [] : [],
            e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            e.GetString("ErrorType"));
    }

    public void Dispose() => table.Dispose();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"task index {tableName}");
}
