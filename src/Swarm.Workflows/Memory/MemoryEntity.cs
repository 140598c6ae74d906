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

    protected override MemoryShelf InitializeState(TaskEntityOperation entityOperation) => new();
}
