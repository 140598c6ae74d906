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
    TaskError? Error)
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
            output?.AgentId ?? progress?.AgentId,
            input?.Prompt,
            input?.Priority,
            input?.Metadata,
            instance.CreatedAt,
            instance.LastUpdatedAt,
            output?.ClaimedAt,
            output?.AnsweredAt,
            output?.Answer,
            instance.FailureDetails is { } failure ? TaskError.From(failure) : null);
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

/// <summary>Why a task failed: the innermost failure, which names the real cause rather than the layers that passed it on.</summary>
public sealed record TaskError(string Type, string Message)
{
    public static TaskError From(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        while (failure.InnerFailure is { } inner)
        {
            failure = inner;
        }

        var type = failure.ErrorType;
        return new TaskError(type[(type.LastIndexOf('.') + 1)..], failure.ErrorMessage);
    }
}
