using Swarm.Workflows.Tasks.Index;

namespace Swarm.Application.Tasks;

/// <summary>
/// The task index as <c>GET /api/v1/tasks</c> and the queue views read it: written by the workflows through their
/// <see cref="ITaskIndex"/> port, read here without touching any orchestration.
/// </summary>
public interface ITaskListing
{
    /// <summary>One page of the tasks the query selects, newest accepted first.</summary>
    /// <exception cref="ArgumentException">The query's continuation token was not issued by this listing.</exception>
    Task<TaskListPage> ListAsync(TaskListQuery query, CancellationToken cancellationToken);

    /// <summary>The unfinished tasks, newest accepted first, at most <paramref name="limit"/> of them; only <paramref name="submittedBy"/>'s when given.</summary>
    Task<OpenTasks> OpenAsync(int limit, string? submittedBy, CancellationToken cancellationToken);
}
