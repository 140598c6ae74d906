using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Swarm.Domain.Agents;
using Swarm.Adapters.Storage;
using Swarm.Application.Agents;
using Swarm.Application.Audit;
using Swarm.Application.Security.ApiKeys;
using Swarm.Workflows.Agents;

namespace Swarm.LocalHost.Tests;

/// <summary>
/// The swarm's table stores on Azurite when their table vanishes behind their back, as it does when the emulator is
/// killed within its 5 s save interval after creating it (issue 12, item 8): each store had created its table and
/// remembered that, so it failed every call with TableNotFound until the process restarted. The next call must create
/// the table again and succeed.
/// </summary>
public sealed class LostTableTests : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    readonly string tableName = "lost" + Guid.NewGuid().ToString("N")[..20];
    TableServiceClient tables = null!;

    public async Task InitializeAsync() => tables = new TableServiceClient((await AzuriteServer.SharedAsync()).ConnectionString);

    public async Task DisposeAsync() => await tables.DeleteTableAsync(tableName);

    [Fact]
    public async Task The_audit_trail_takes_a_record_after_its_table_vanished()
    {
        using var trail = new TableAuditTrail(tables, NullLogger<TableAuditTrail>.Instance, tableName);
        await trail.AppendAsync(Record("before"), CancellationToken.None);

        await LoseTableAsync();
        await trail.AppendAsync(Record("after"), CancellationToken.None);

        var page = await trail.QueryAsync(new AuditQuery(Now.AddHours(-1), Now.AddHours(1), null, null, 50, null), CancellationToken.None);
        Assert.Equal(["after"], page.Items.Select(r => r.Action));
    }

    [Fact]
    public async Task The_audit_trail_reads_an_empty_page_from_a_vanished_table()
    {
        using var trail = new TableAuditTrail(tables, NullLogger<TableAuditTrail>.Instance, tableName);
        await trail.AppendAsync(Record("before"), CancellationToken.None);

        await LoseTableAsync();
        var page = await trail.QueryAsync(new AuditQuery(Now.AddHours(-1), Now.AddHours(1), null, null, 50, null), CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.True(await TableExistsAsync(), "The read should have created the table again.");
    }

    [Fact]
    public async Task The_api_key_store_takes_a_key_after_its_table_vanished()
    {
        using var keys = new TableApiKeyStore(tables, tableName);
        await keys.AddAsync(Key("k-before"), CancellationToken.None);

        await LoseTableAsync();
        await keys.AddAsync(Key("k-after"), CancellationToken.None);

        Assert.NotNull(await keys.FindAsync("k-after", CancellationToken.None));
        Assert.Null(await keys.FindAsync("k-before", CancellationToken.None));
    }

    [Fact]
    public async Task The_agent_directory_records_an_agent_after_its_table_vanished()
    {
        using var directory = new TableAgentDirectory(tables, tableName);
        await directory.RecordAsync(Agent("worker-before"), CancellationToken.None);

        await LoseTableAsync();
        await directory.RecordAsync(Agent("worker-after"), CancellationToken.None);

        var page = await directory.ListAsync(new AgentListQuery(null, null, null, 50, null), CancellationToken.None);
        Assert.Equal(["worker-after"], page.Items.Select(a => a.Id));
        Assert.Equal(1, (await directory.CountAsync(CancellationToken.None)).Total);
    }

    /// <summary>What the emulator's restart does to a table it had not saved: gone, with its rows.</summary>
    async Task LoseTableAsync()
    {
        await tables.DeleteTableAsync(tableName);
        Assert.False(await TableExistsAsync());
    }

    async Task<bool> TableExistsAsync()
    {
        await foreach (var _ in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName eq {tableName}")))
        {
            return true;
        }

        return false;
    }

    static AuditRecord Record(string action) =>
        AuditRecord.Create(Now, "alice", action, "/api/v1/tasks", AuditOutcomes.Succeeded, 202, "corr-" + action);

    static ApiKeyRecord Key(string keyId) => new(keyId, "worker-1", [1, 2, 3], Now, "admin");

    static AgentSnapshot Agent(string id) =>
        new(id, id, AgentType.Worker, AgentLifecycle.Active, ["code"], 5, "simulated", "sim-1", 1, false, Now);
}
