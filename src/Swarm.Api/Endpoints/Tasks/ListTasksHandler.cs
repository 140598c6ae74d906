using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// <c>GET /api/v1/tasks?status=&amp;pageSize=&amp;continuationToken=</c>: the queue (unfinished tasks by status and
/// priority, the oldest waiting one, the dispatcher's line and seats) and a page of tasks, in the order the store
/// returns them. Only tasks the caller may read are counted and listed (<see cref="Visibility.ReadScope"/>): a page
/// may hold fewer than <c>pageSize</c>, and its continuation token still leads on.
/// </summary>
public sealed class ListTasksHandler : IApiHandler
{

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var errors = InstancePages.Validate(request, out var pageSize);
        TaskRunStatus? status = null;
        if (request.Query.GetValueOrDefault("status") is { } statusText)
        {
            if (Enum.TryParse<TaskRunStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                status = parsed;
            }
            else
            {
                errors.Add(new("status", "must be queued, awaitingApproval, running, completed, failed or canceled."));
            }
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var scope = Visibility.ReadScope.Of(request, durable);
        var queue = await TaskQueueView.ReadAsync(durable, scope, cancellationToken);
        var page = await InstancePages.ReadAsync(durable, request, TaskId.Prefix, status is { } s ? RuntimeStatusesOf(s) : null, pageSize, cancellationToken);
        if (page.Problem is { } problem)
        {
            return problem;
        }

        var items = new List<TaskSummary>();
        foreach (var view in page.Instances.Where(TaskRunClient.IsTask).Select(TaskView.From))
        {
            if ((status is null || view.Status == status) && await scope.CanReadAsync(view, cancellationToken))
            {
                items.Add(TaskSummary.From(view));
            }
        }

        return ApiResponse.Ok(new TaskPage(queue, items, page.ContinuationToken));
    }

    static List<OrchestrationRuntimeStatus> RuntimeStatusesOf(TaskRunStatus status) => status switch
    {
        TaskRunStatus.Completed => [OrchestrationRuntimeStatus.Completed],
        TaskRunStatus.Failed => [OrchestrationRuntimeStatus.Failed],
        TaskRunStatus.Canceled => [OrchestrationRuntimeStatus.Terminated],
        _ => [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
    };
}
