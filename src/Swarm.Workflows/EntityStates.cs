using System.Runtime.CompilerServices;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace Swarm.Workflows;

/// <summary>
/// Every instance of one kind of entity with its state: the one query the typed clients make when a reader (the system
/// metrics, the system state) needs all of them. Entities with no state (deleted, never written) are left out.
/// </summary>
public static class EntityStates
{
    public static async IAsyncEnumerable<(string Key, TState State)> GetAllAsync<TState>(
        DurableTaskClient durable, string entityName, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(durable);
        var query = new EntityQuery { InstanceIdStartsWith = $"@{entityName}@", IncludeState = true };
        await foreach (var entity in durable.Entities.GetAllEntitiesAsync(query).WithCancellation(cancellationToken))
        {
            if (entity.State?.ReadAs<TState>() is { } state)
            {
                yield return (entity.Id.Key, state);
            }
        }
    }
}
