using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Swarm.Application.Agents;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Adapters.Storage;

/// <summary>
/// The agent listing in Azure Table storage. Each agent has a row in partition <c>agent</c>, and a copy per skill in
/// partition <c>expertise:{skill}</c>, so filtering by expertise is a partition scan rather than a read of every agent.
/// </summary>
public sealed class TableAgentDirectory(TableServiceClient tables, string tableName) : IAgentDirectory, IAgentListing, IDisposable
{
    const string AllAgents = "agent";
    readonly LazyTable table = new(tables, tableName);
    public async Task RecordAsync(AgentSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await table.RunAsync(async client =>
        {
            foreach (var partition in snapshot.Expertise.Select(ExpertisePartition).Prepend(AllAgents))
            {
                await client.UpsertEntityAsync(ToEntity(partition, snapshot), TableUpdateMode.Replace, cancellationToken);
            }
        }, cancellationToken);
    }

    public async Task<AgentListPage> ListAsync(AgentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var partition = query.Expertise is null ? AllAgents : ExpertisePartition(query.Expertise);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (query.Type is { } type)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Type eq {type.ToString()}");
        }

        filter += query.Lifecycle is { } lifecycle
            ? " and " + TableClient.CreateQueryFilter($"Lifecycle eq {lifecycle.ToString()}")
            : " and " + TableClient.CreateQueryFilter($"Lifecycle ne {nameof(AgentLifecycle.Retired)}");

        try
        {
            return await table.RunAsync(async client =>
            {
                await foreach (var page in client.QueryAsync<TableEntity>(filter, query.PageSize, cancellationToken: cancellationToken)
                    .AsPages(query.ContinuationToken, query.PageSize))
                {
                    return new AgentListPage([.. page.Values.Select(FromEntity)], page.ContinuationToken);
                }

                return new AgentListPage([], null);
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 400 && query.ContinuationToken is not null)
        {
            throw new ArgumentException("The continuation token was not issued by this listing.", nameof(query), e);
        }
    }

    /// <summary>Counts every agent the listing knows, reading only each row's type and lifecycle (a few KB per thousand agents).</summary>
    public Task<AgentCounts> CountAsync(CancellationToken cancellationToken) =>
        table.RunAsync(client => CountAsync(client, cancellationToken), cancellationToken);

    static async Task<AgentCounts> CountAsync(TableClient client, CancellationToken cancellationToken)
    {
        // Every value is listed, at 0 when no agent has it, so a dashboard sees the same keys every time.
        var byLifecycle = Enum.GetValues<AgentLifecycle>().Where(l => l != AgentLifecycle.Retired).ToDictionary(Camel, _ => 0, StringComparer.Ordinal);
        var byType = Enum.GetValues<AgentType>().ToDictionary(Camel, _ => 0, StringComparer.Ordinal);
        var retired = 0;
        await foreach (var row in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {AllAgents}"), select: ["Type", "Lifecycle"], cancellationToken: cancellationToken))
        {
            if (!Enum.TryParse<AgentLifecycle>(row.GetString("Lifecycle"), out var lifecycle) || !Enum.TryParse<AgentType>(row.GetString("Type"), out var type))
            {
                continue; // not a row this version writes
            }

            if (lifecycle == AgentLifecycle.Retired)
            {
                retired++;
                continue;
            }

            byLifecycle[Camel(lifecycle)]++;
            byType[Camel(type)]++;
        }

        return new AgentCounts(byLifecycle.Values.Sum(), retired, byLifecycle, byType);
    }

    static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    static string ExpertisePartition(string skill) => "expertise:" + skill;

    static TableEntity ToEntity(string partition, AgentSnapshot s) => new(partition, s.Id)
    {
        ["Name"] = s.Name,
        ["Type"] = s.Type.ToString(),
        ["Lifecycle"] = s.Lifecycle.ToString(),
        ["Expertise"] = string.Join(',', s.Expertise),
        ["Priority"] = s.Priority,
        ["Provider"] = s.Provider,
        ["Model"] = s.Model,
        ["MaxConcurrency"] = s.MaxConcurrency,
        ["AutoScale"] = s.AutoScale,
        ["UpdatedAt"] = s.UpdatedAt,
    };

    static AgentSnapshot FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString("Name"),
        Enum.Parse<AgentType>(e.GetString("Type")),
        Enum.Parse<AgentLifecycle>(e.GetString("Lifecycle")),
        e.GetString("Expertise") is { Length: > 0 } skills ? skills.Split(',') : [],
        e.GetInt32("Priority") ?? 5,
        e.GetString("Provider"),
        e.GetString("Model"),
        e.GetInt32("MaxConcurrency") ?? 1,
        e.GetBoolean("AutoScale") ?? false,
        e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);

    public void Dispose() => table.Dispose();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"agent directory {tableName}");
}
