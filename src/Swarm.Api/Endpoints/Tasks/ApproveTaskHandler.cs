using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary><c>POST /api/v1/tasks/{id}/approve</c>: lets a task that waits for approval go to its agents. <c>409</c> if it is not waiting.</summary>
public sealed class ApproveTaskHandler(SwarmSettings settings) : IApiHandler
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        TaskApprovals.DecideAsync(request, durable, settings, approved: true, cancellationToken);
}
