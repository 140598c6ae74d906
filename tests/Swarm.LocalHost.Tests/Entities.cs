using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core.Entities;

namespace Swarm.LocalHost.Tests;

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

    /// <summary>
    /// Reads until the state meets <paramref name="expected"/> (at most 30 s), then returns it for the caller to assert on.
    /// The stored state can lag the entity's answer: the backend sends an operation's response before it updates the
    /// instance row this reads, so right after an operation a reader may briefly see the state from before it.
    /// </summary>
    public static async Task<T?> WaitForAsync<T>(LocalHostProcess host, string name, string key, Func<T?, bool> expected, TimeSpan? patience = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var state = await ReadAsync<T>(host, name, key);
            if (expected(state) || DateTime.UtcNow > deadline)
            {
                return state;
            }

            await Task.Delay(200);
        }
    }
}
