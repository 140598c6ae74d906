using Microsoft.DurableTask.Client;
using Swarm.Workflows.Learning;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary><c>GET /api/v1/tasks/{id}</c>: the task's status, agents, steps, result, accounting, timeline and, once it is finished, its ratings.</summary>
public sealed class GetTaskHandler : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await TaskLookup.FindAsync(request, durable, cancellationToken) is not { View: var view })
        {
            return TaskLookup.NotFound(request);
        }

        // Only a finished task can be rated, so a running one costs no extra read.
        return ApiResponse.Ok(view.IsFinishedWork ? view with { Feedback = (await new FeedbackClient(durable).GetAsync(view.Id, cancellationToken)).Ratings } : view);
    }
}
