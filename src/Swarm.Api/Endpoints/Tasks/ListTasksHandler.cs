using Microsoft.DurableTask.Client;
using Swarm.Application.Tasks;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// <c>GET /api/v1/tasks?status=&amp;pageSize=&amp;continuationToken=</c>: the queue (unfinished tasks by status and
/// priority, the oldest waiting one, the dispatcher's line and seats) and a page of tasks, newest accepted first, both
/// from the task index (<see cref="ITaskListing"/>), never a scan of orchestrations. Only tasks the caller may read are
/// counted and listed (<see cref="Visibility.ReadScope"/>): a caller who reads only its own tasks pages through its own
/// partition of the index; one who reads some of others' (an agent, a reader of shares) through everyone's, filtered,
/// so its page may hold fewer than <c>pageSize</c> and its continuation token still leads on.
/// </summary>
public sealed class ListTasksHandler(Swarm.Application.Configuration.SwarmSettings settings, ITaskListing listing) : IApiHandler
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
        var ownOnly = await scope.ReadsOnlyOwnTasksAsync(cancellationToken);
        // The page and the queue are independent reads: side by side, the answer waits for the slower, not for both.
        var query = new TaskListQuery(ownOnly ? scope.Principal.Subject : null, status, pageSize, request.Query.GetValueOrDefault("continuationToken"));
        var pageRead = listing.ListAsync(query, cancellationToken);
        var queueRead = TaskQueueView.ReadAsync(listing, durable, scope, settings.Dispatch.Shards, cancellationToken, ownOnly);
        TaskListPage page;
        try
        {
            page = await pageRead;
        }
        catch (ArgumentException)
        {
            await queueRead;
            return ApiResponse.Problem(Problems.Validation([new("continuationToken", "is not a token this listing handed out.")]));
        }

        var items = new List<TaskSummary>();
        foreach (var entry in page.Items)
        {
            if (ownOnly || await scope.CanReadAsync(entry, cancellationToken))
            {
                items.Add(TaskSummary.From(entry));
            }
        }

        return ApiResponse.Ok(new TaskPage(await queueRead, items, page.ContinuationToken));
    }
}
