using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core.Entities;
using Swarm.Domain.Agents;

namespace Swarm.LocalHost.Tests;

/// <summary>Reads an agent entity's stored state straight from the durable backend's storage, as a second process would.</summary>
static class AgentLedgers
{
    public static Task<AgentLedger?> ReadAsync(LocalHostProcess host, string agentId) => Entities.ReadAsync<AgentLedger>(host, "agent", agentId);
}

/// <summary>Reads any entity's stored state straight from the durable backend's storage.</summary>
static class Entities
{
    public static async Task<T?> ReadAsync<T>(LocalHostProcess host, string name, string key)
        where T : class
    {
        using var backend = DurableHistories.Backend(host);
        var queries = ((IEntityOrchestrationService)backend).EntityBackendQueries!;
        var entity = await queries.GetEntityAsync(new EntityId(name, key), includeState: true, includeStateless: false, default);
        return entity?.SerializedState is { } state
            ? JsonSerializer.Deserialize<T>(state, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            : null;
    }
}
