using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core.Entities;
using Swarm.Domain.Agents;

namespace Swarm.LocalHost.Tests;

/// <summary>Reads an agent entity's stored state straight from the durable backend's storage, as a second process would.</summary>
static class AgentLedgers
{
    public static async Task<AgentLedger?> ReadAsync(LocalHostProcess host, string agentId)
    {
        using var backend = DurableHistories.Backend(host);
        var queries = ((IEntityOrchestrationService)backend).EntityBackendQueries!;
        var entity = await queries.GetEntityAsync(new EntityId("agent", agentId), includeState: true, includeStateless: false, default);
        return entity?.SerializedState is { } state
            ? JsonSerializer.Deserialize<AgentLedger>(state, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            : null;
    }
}
