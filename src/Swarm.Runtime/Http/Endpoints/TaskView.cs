using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Runtime.Http.Endpoints;

/// <summary>A task as <c>GET /api/v1/tasks/{id}</c> shows it.</summary>
public sealed record TaskView(
    string Id,
    TaskRunStatus Status,
    string? Step,
    string? AgentId,
    string? Prompt,
    int? Priority,
    IReadOnlyDictionary<string, string>? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? AnsweredAt,
    AgentAnswer? Result,
    TaskFailure? Error)
{
    public static TaskView From(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var input = instance.ReadInputAs<TaskRunInput>();
        var progress = instance.ReadCustomStatusAs<TaskProgress>();
        var output = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<TaskRunResult>() : null;
        return new TaskView(
            instance.InstanceId,
            StatusOf(instance.RuntimeStatus),
            instance.IsRunning ? progress?.Step : null,
            output?.AgentId ?? input?.AgentId,
            input?.Prompt,
            input?.Priority,
            input?.Metadata,
            instance.CreatedAt,
            instance.LastUpdatedAt,
            output?.ClaimedAt,
            output?.AnsweredAt,
            output?.Answer,
            ErrorOf(instance, progress));
    }

    /// <summary>The recorded reason, or the reason a terminated task was given (by self-healing or, later, a person).</summary>
    static TaskFailure? ErrorOf(OrchestrationMetadata instance, TaskProgress? progress)
    {
        if (progress?.Failure is { } failure)
        {
            return failure;
        }

        if (instance.FailureDetails is { } details)
        {
            return TaskFailure.From(details);
        }

        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated && instance.ReadOutputAs<string>() is { } reason
            ? new TaskFailure(reason.StartsWith(Schedules.StalledTaskReaper.ReasonPrefix, StringComparison.Ordinal) ? "Stalled" : "Terminated", reason)
            : null;
    }

    static TaskRunStatus StatusOf(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => TaskRunStatus.Queued,
        OrchestrationRuntimeStatus.Completed => TaskRunStatus.Completed,
        OrchestrationRuntimeStatus.Failed => TaskRunStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => TaskRunStatus.Canceled,
        _ => TaskRunStatus.Running,
    };
}
