using Microsoft.DurableTask;
using Swarm.Domain.Memory;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Tools;

namespace Swarm.Workflows.Agents;

/// <summary>
/// What an agent remembers that bears on a step, put in front of it before its first turn: the entries of the
/// namespaces it may read (its own, the task's, its exactly granted team ones) that share the most words with the
/// task. Each namespace is one entity call recorded in history, so only agents given tools recall (an agent without
/// tools was not set up to work with memory, and plain steps keep their cost).
/// </summary>
public static class AgentRecall
{
    /// <summary>Entries recalled at most, over all namespaces, and characters of each value shown.</summary>
    public const int MaxEntries = 5;
    public const int ValueChars = 500;

    public static async Task<IReadOnlyList<RecalledMemory>> RecallAsync(TaskOrchestrationContext context, MemoryTools memory, MemoryScope scope, string about)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(scope);
        var found = await Task.WhenAll(scope.Recallable.Select(async ns =>
            (Namespace: ns, Hits: await context.Entities.CallEntityAsync<IReadOnlyList<MemoryHit>>(MemoryEntity.IdFor(ns), nameof(MemoryEntity.Search), new MemorySearchQuery(about, MaxEntries)))));
        var best = found
            .SelectMany(f => f.Hits.Select(h => (f.Namespace, Hit: h)))
            .OrderByDescending(x => x.Hit.Score)
            .ThenByDescending(x => x.Hit.Entry.UpdatedAt)
            .Take(MaxEntries)
            .ToList();
        var recalled = new List<RecalledMemory>();
        foreach (var group in best.GroupBy(x => x.Namespace, StringComparer.Ordinal))
        {
            var values = await memory.OpenAsync(group.Key, [.. group.Select(x => x.Hit)]);
            recalled.AddRange(group.Select((x, i) => new RecalledMemory(group.Key, x.Hit.Key, MemoryTools.Cut(values[i], ValueChars))));
        }

        return recalled;
    }
}
