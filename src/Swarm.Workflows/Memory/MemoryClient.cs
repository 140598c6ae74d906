using Microsoft.DurableTask.Client;
using Swarm.Domain.Memory;

namespace Swarm.Workflows.Memory;

/// <summary>The memory store as code outside the workflows uses it: a namespace's shelf, writes and removals.</summary>
public sealed class MemoryClient(DurableTaskClient durable)
{
    /// <summary>The namespace's entries, or null when nothing was ever written to it.</summary>
    public async Task<MemoryShelf?> GetAsync(string memoryNamespace, CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<MemoryShelf>(MemoryEntity.IdFor(memoryNamespace), includeState: true, cancellationToken))?.State;

    public Task PutAsync(string memoryNamespace, MemoryWrite write, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(MemoryEntity.IdFor(memoryNamespace), nameof(MemoryEntity.Put), write, cancellation: cancellationToken);

    public Task RemoveAsync(string memoryNamespace, string key, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(MemoryEntity.IdFor(memoryNamespace), nameof(MemoryEntity.Remove), key, cancellation: cancellationToken);

    /// <summary>Every namespace's shelf, by namespace: one query over the memory entities.</summary>
    public IAsyncEnumerable<(string Namespace, MemoryShelf Shelf)> GetAllAsync(CancellationToken cancellationToken) =>
        EntityStates.GetAllAsync<MemoryShelf>(durable, MemoryEntity.EntityName, cancellationToken);
}
