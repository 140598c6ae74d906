using Microsoft.DurableTask.Client;
using Swarm.Domain.Memory;
using Swarm.Workflows.Memory;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// The system metrics' <c>memory</c> section: namespaces, entries and sealed entries, over every memory entity (one
/// entity query; a namespace is one entity, bounded at <see cref="MemoryShelf.MaxEntries"/> entries).
/// </summary>
public static class MemoryMetrics
{
    public static async Task<MemoryFigures> ReadAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        int namespaces = 0, entries = 0, sealedEntries = 0;
        await foreach (var (_, shelf) in new MemoryClient(durable).GetAllAsync(cancellationToken))
        {
            namespaces++;
            entries += shelf.Entries.Count;
            sealedEntries += shelf.Entries.Values.Count(e => e.Sealed);
        }

        return new MemoryFigures(namespaces, entries, sealedEntries);
    }
}

/// <summary>Memory across every namespace: how many namespaces, entries and sealed entries.</summary>
public sealed record MemoryFigures(int Namespaces, int Entries, int SealedEntries);
