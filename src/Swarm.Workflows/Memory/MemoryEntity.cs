using Microsoft.DurableTask.Entities;
using Swarm.Domain.Memory;

namespace Swarm.Workflows.Memory;

/// <summary>
/// The memory store: one durable entity per namespace (its key), holding a <see cref="MemoryShelf"/>. Writes to a
/// namespace are applied one at a time; values arrive already sealed when encryption at rest is on.
/// </summary>
public sealed class MemoryEntity : TaskEntity<MemoryShelf>
{
    public const string EntityName = "memory";

    public static EntityInstanceId IdFor(string memoryNamespace) => new(EntityName, memoryNamespace);

    public bool Put(MemoryWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (next, stored) = State.Put(write.Key, write.Entry);
        State = next;
        return stored;
    }

    public void Remove(string key) => State = State.Remove(key);

    public MemoryShelf Get() => State;

    /// <summary>One entry, or null. Orchestrations read through this, not <see cref="Get"/>, so their history holds what they asked for, not the whole shelf.</summary>
    public MemoryEntry? Read(string key)
    {
        var entry = State.Entries.GetValueOrDefault(key);
        ForgetIfEmpty();
        return entry;
    }

    public IReadOnlyList<string> Keys(MemoryKeyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var keys = State.Keys(query.Prefix, query.Limit);
        ForgetIfEmpty();
        return keys;
    }

    public IReadOnlyList<MemoryHit> Search(MemorySearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The vectors stay on the shelf: the caller's history needs the entries, not their embeddings.
        var hits = State.Search(query.Query, query.Limit, query.Embedding)
            .Select(h => h.Entry.Embedding is null ? h : h with { Entry = h.Entry with { Embedding = null } })
            .ToList();
        ForgetIfEmpty();
        return hits;
    }

    /// <summary>
    /// A read of a namespace nobody wrote to must not leave an empty entity behind (every task has a shared namespace
    /// its agents look into): state that is null at the end of an operation deletes the entity.
    /// </summary>
    void ForgetIfEmpty()
    {
        if (State.Entries.Count == 0)
        {
            State = null!;
        }
    }

    protected override MemoryShelf InitializeState(TaskEntityOperation entityOperation) => new();
}
