using Azure;
using Azure.Data.Tables;
using Swarm.Adapters.Storage;
using Swarm.Application.Tasks;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks.Index;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The task index on Azurite when a late unfinished write (an activity run twice, a write that crossed the end of its
/// task) and the task's end reach the same rows at once. The end must win in every partition: everyone's, the
/// submitter's, and the open one, which it leaves. The interleaving is made, not waited for: the late writer's table
/// client runs the end at a chosen point of its own write.
/// </summary>
public sealed class TaskIndexLateWriteTests : IAsyncLifetime
{
    static readonly DateTimeOffset Accepted = new(2026, 12, 8, 1, 0, 0, TimeSpan.Zero);

    readonly string tableName = "tasklate" + Guid.NewGuid().ToString("N")[..20];
    string connectionString = null!;

    public async Task InitializeAsync() => connectionString = (await AzuriteServer.SharedAsync()).ConnectionString;

    public async Task DisposeAsync() => await new TableServiceClient(connectionString).DeleteTableAsync(tableName);

    public enum Moment
    {
        /// <summary>After the late write read the row of everyone's tasks, before it wrote anything.</summary>
        AfterItsRead,

        /// <summary>As it writes everyone's row (beside the open and the submitter's rows), before that write is sent.</summary>
        BeforeItsOwnRow,
    }

    [Theory]
    [InlineData(Moment.AfterItsRead)]
    [InlineData(Moment.BeforeItsOwnRow)]
    public async Task The_end_wins_over_a_late_running_write_that_crosses_it(Moment moment)
    {
        using var index = new TableTaskIndex(new TableServiceClient(connectionString), tableName);
        await index.RecordAsync(Entry(TaskRunStatus.Running, "a-1"), CancellationToken.None);
        var ended = Entry(TaskRunStatus.Completed, "a-1");
        var crossings = 0;
        using var late = new TableTaskIndex(new InterleavingTables(connectionString, moment, async () =>
        {
            crossings++;
            await index.RecordAsync(ended, CancellationToken.None);
        }), tableName);

        await late.RecordAsync(Entry(TaskRunStatus.Running, "a-2"), CancellationToken.None);

        Assert.Equal(1, crossings);
        var everyone = await index.ListAsync(new TaskListQuery(null, null, 10, null), CancellationToken.None);
        var submitters = await index.ListAsync(new TaskListQuery("alice", null, 10, null), CancellationToken.None);
        var open = await index.OpenAsync(10, null, CancellationToken.None);
        Assert.Equal((TaskRunStatus.Completed, "a-1"), (Assert.Single(everyone.Items).Status, everyone.Items[0].AgentId));
        Assert.Equal((TaskRunStatus.Completed, "a-1"), (Assert.Single(submitters.Items).Status, submitters.Items[0].AgentId));
        Assert.Empty(open.Items);
    }

    [Fact]
    public async Task A_late_running_write_after_the_end_changes_nothing_and_two_running_writes_keep_the_last()
    {
        using var index = new TableTaskIndex(new TableServiceClient(connectionString), tableName);
        await index.RecordAsync(Entry(TaskRunStatus.Queued, null), CancellationToken.None);
        await index.RecordAsync(Entry(TaskRunStatus.Running, "a-1"), CancellationToken.None);
        var running = await index.OpenAsync(10, null, CancellationToken.None);

        await index.RecordAsync(Entry(TaskRunStatus.Failed, "a-1"), CancellationToken.None);
        await index.RecordAsync(Entry(TaskRunStatus.Running, "a-2"), CancellationToken.None);

        Assert.Equal((TaskRunStatus.Running, "a-1"), (Assert.Single(running.Items).Status, running.Items[0].AgentId));
        Assert.Empty((await index.OpenAsync(10, null, CancellationToken.None)).Items);
        var everyone = await index.ListAsync(new TaskListQuery(null, null, 10, null), CancellationToken.None);
        Assert.Equal((TaskRunStatus.Failed, "a-1"), (Assert.Single(everyone.Items).Status, everyone.Items[0].AgentId));
    }

    static TaskIndexEntry Entry(TaskRunStatus status, string? agent) =>
        new("task-late", "alice", Accepted, status, status is TaskRunStatus.Running or TaskRunStatus.Queued ? "answer" : null, "single", 5, agent, agent is null ? [] : [agent], Accepted.AddSeconds(1), null);

    /// <summary>Table storage as the late writer sees it: its table client runs <c>cross</c> once, at the moment asked.</summary>
    sealed class InterleavingTables : TableServiceClient
    {
        readonly string connection;
        readonly Moment moment;
        readonly Func<Task> cross;

        public InterleavingTables(string connectionString, Moment moment, Func<Task> cross)
            : base(connectionString) => (connection, this.moment, this.cross) = (connectionString, moment, cross);

        public override TableClient GetTableClient(string tableName) => new InterleavingTable(connection, tableName, moment, cross);
    }

    sealed class InterleavingTable(string connectionString, string tableName, Moment moment, Func<Task> cross) : TableClient(connectionString, tableName)
    {
        bool crossed;

        public override async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        {
            var read = await base.GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken);
            await CrossAtAsync(Moment.AfterItsRead);
            return read;
        }

        public override async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        {
            await CrossAtAsync(Moment.BeforeItsOwnRow);
            return await base.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken);
        }

        async Task CrossAtAsync(Moment now)
        {
            if (now == moment && !crossed)
            {
                crossed = true;
                await cross();
            }
        }
    }
}
