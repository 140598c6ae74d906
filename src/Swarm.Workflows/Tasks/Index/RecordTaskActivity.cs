using Microsoft.DurableTask;

namespace Swarm.Workflows.Tasks.Index;

/// <summary>Writes a task's entry to the task index. Idempotent: a retried write stores the same row.</summary>
public sealed class RecordTaskActivity(ITaskIndex index) : TaskActivity<TaskIndexEntry, bool>
{
    /// <summary>
    /// A few quick tries and then the task goes on without it (<see cref="TaskIndexWrites"/>): the index is a copy, and a
    /// task must not fail or wait long because its copy could not be written.
    /// </summary>
    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(5)));

    public override async Task<bool> RunAsync(TaskActivityContext context, TaskIndexEntry input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await index.RecordAsync(input, CancellationToken.None);
        return true;
    }
}
