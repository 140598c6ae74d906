using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Runtime.Http.Endpoints.Tasks;

/// <summary>
/// <c>GET /api/v1/tasks?status=&amp;pageSize=&amp;continuationToken=</c>: the queue (unfinished tasks by status and
/// priority, the oldest waiting one, the dispatcher's line and seats) and a page of tasks, in the order the store
/// returns them. An agent sees only tasks it works on.
/// </summary>
public sealed class ListTasksHandler : IApiHandler
{
    static readonly string[] Known = ["status", "pageSize", "continuationToken"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var errors = new List<FieldError>();
        foreach (var unknown in request.Query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add(new(unknown, $"is not a parameter of this listing; parameters: {string.Join(", ", Known)}."));
        }

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

        var pageSize = 50;
        if (request.Query.GetValueOrDefault("pageSize") is { } sizeText && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > 200))
        {
            errors.Add(new("pageSize", "must be a whole number from 1 to 200."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var agentScope = request.Principal?.AgentId;
        var queue = await TaskQueueView.ReadAsync(durable, agentScope, cancellationToken);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = TaskId.Prefix,
            Statuses = status is { } s ? RuntimeStatusesOf(s) : null,
            PageSize = pageSize,
            ContinuationToken = request.Query.GetValueOrDefault("continuationToken"),
            FetchInputsAndOutputs = true,
        };
        try
        {
            await foreach (var page in durable.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, pageSize).WithCancellation(cancellationToken))
            {
                var items = page.Values
                    .Where(TaskRunClient.IsTask)
                    .Select(TaskView.From)
                    .Where(v => (status is null || v.Status == status) && (agentScope is null || v.Involves(agentScope)))
                    .Select(TaskSummary.From)
                    .ToList();
                return ApiResponse.Ok(new { queue, items, continuationToken = page.ContinuationToken });
            }
        }
        catch (Exception e) when (query.ContinuationToken is not null && e is not OperationCanceledException)
        {
            // A token this listing did not hand out (or one from an older version) names no page.
            return ApiResponse.Problem(Problems.Validation([new("continuationToken", "is not a token this listing handed out.")]));
        }

        return ApiResponse.Ok(new { queue, items = Array.Empty<TaskSummary>(), continuationToken = (string?)null });
    }

    static List<OrchestrationRuntimeStatus> RuntimeStatusesOf(TaskRunStatus status) => status switch
    {
        TaskRunStatus.Completed => [OrchestrationRuntimeStatus.Completed],
        TaskRunStatus.Failed => [OrchestrationRuntimeStatus.Failed],
        TaskRunStatus.Canceled => [OrchestrationRuntimeStatus.Terminated],
        _ => [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
    };
}
