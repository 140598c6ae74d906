using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Application.Schedules;
using Swarm.Workflows.Tasks.Index;

namespace Swarm.Application.Tasks;

/// <summary>
/// Keeps the task index true where a task's own workflow cannot write it. A task ended from outside (canceled, reaped as
/// stalled) is terminated and runs nothing more, so whoever ended it records the end (<see cref="StoppedAsync"/>), as it
/// sends the notices. And the self-healing pass (<see cref="CatchUpAsync"/>) reads, for each row of the open partition
/// that has not changed for <c>selfHealing:graceSeconds</c> (a minute), the task's orchestration (the truth): a task that has ended since (its own end
/// write failed after its retries, a crash of an unexpected kind failed the orchestration, the stopper died before its
/// write) gets its end recorded. Every write carries the whole entry, so a dropped earlier write is made good by any later one.
/// </summary>
public sealed partial class TaskIndexCatchUp(ITaskIndex index, ITaskListing listing, SwarmSettings settings, TimeProvider time, ILogger<TaskIndexCatchUp> logger)
{
    /// <summary>Open rows read per pass; a larger backlog is caught up over several passes, newest first.</summary>
    public const int RowsPerPass = 2_000;

    /// <summary>A row unchanged for less than this is left alone: the task's own write may be on its way.</summary>
    TimeSpan Grace => TimeSpan.FromSeconds(settings.SelfHealing.GraceSeconds);

    /// <summary>Records the end of <paramref name="task"/>, as read just before it was terminated. Never throws: the pass catches up.</summary>
    public async Task StoppedAsync(OrchestrationMetadata task, string errorType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (TaskIndexEntry.Ended(task, errorType, time.GetUtcNow(), OrchestrationRuntimeStatus.Terminated) is not { } entry)
        {
            return;
        }

        try
        {
            await index.RecordAsync(entry, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoppedNotRecorded(logger, task.InstanceId, e.GetType().Name);
        }
    }

    /// <summary>Records the end of every task the open partition still shows unfinished; returns how many it corrected.</summary>
    public async Task<int> CatchUpAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var now = time.GetUtcNow();
        var corrected = 0;
        foreach (var entry in (await listing.OpenAsync(RowsPerPass, submittedBy: null, cancellationToken)).Items.Where(e => now - e.UpdatedAt > Grace))
        {
            var instance = await durable.GetInstanceAsync(entry.TaskId, getInputsAndOutputs: true, cancellationToken);
            var ended = instance is null
                ? entry with { Status = Domain.Tasks.TaskRunStatus.Canceled, Phase = null, ErrorType = "Missing", UpdatedAt = now } // purged: it is no more
                : TaskIndexEntry.Ended(instance, TerminatedAs(instance), now);
            if (ended is not null)
            {
                await index.RecordAsync(ended, cancellationToken);
                corrected++;
            }
        }

        if (corrected > 0)
        {
            LogCaughtUp(logger, corrected);
        }

        return corrected;
    }

    /// <summary>A terminated task's reason says who ended it, as the task's own view reads it.</summary>
    static string? TerminatedAs(OrchestrationMetadata instance) =>
        instance.RuntimeStatus != OrchestrationRuntimeStatus.Terminated ? null
        : instance.ReadOutputAs<string>() is { } reason && reason.StartsWith(StalledTaskReaper.ReasonPrefix, StringComparison.Ordinal) ? "Stalled" : "Canceled";

    [LoggerMessage(EventId = 1591, Level = LogLevel.Warning, Message = "Task index: the end of task {TaskId}, ended from outside, was not recorded ({ErrorType}); the self-healing pass will")]
    static partial void LogStoppedNotRecorded(ILogger logger, string taskId, string errorType);

    [LoggerMessage(EventId = 1592, Level = LogLevel.Warning, Message = "Task index: recorded the end of {Count} tasks whose own write never came")]
    static partial void LogCaughtUp(ILogger logger, int count);
}
