using DurableTask.Core;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Finds an orchestrator, activity or entity by name whatever version an instance carries. Durable Task looks its code up by
/// (name, version), but one build of the swarm holds one implementation of each workflow and branches on the
/// instance's version inside it (<see cref="Swarm.Workflows.WorkflowVersion"/>), as Durable Functions does; which
/// versions a worker may run at all is the worker's versioning settings' call, not the lookup's.
/// </summary>
sealed class NameOnlyObjectManager<T> : INameVersionObjectManager<T>
{
    readonly Dictionary<string, ObjectCreator<T>> creators = new(StringComparer.Ordinal);

    public void Add(ObjectCreator<T> creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (!creators.TryAdd(creator.Name, creator))
        {
            throw new InvalidOperationException($"'{creator.Name}' is registered twice.");
        }
    }

    public T? GetObject(string name, string? version) =>
        creators.TryGetValue(name, out var creator) ? creator.Create() : default;
}
