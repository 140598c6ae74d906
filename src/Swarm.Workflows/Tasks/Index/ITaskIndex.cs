namespace Swarm.Workflows.Tasks.Index;

/// <summary>
/// The task index's store (a read model), as the workflows write it: <see cref="RecordTaskActivity"/> at each change of a
/// task's status. Read by the task listing and the queue view without touching any orchestration.
/// </summary>
public interface ITaskIndex
{
    /// <summary>
    /// Stores the task's entry, unless its row already says it ended and this entry does not (a write that arrives late
    /// must not bring a finished task back). Idempotent: a repeated write stores the same row.
    /// </summary>
    Task RecordAsync(TaskIndexEntry entry, CancellationToken cancellationToken);
}
