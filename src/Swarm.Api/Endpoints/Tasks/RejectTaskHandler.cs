using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary><c>POST /api/v1/tasks/{id}/reject</c>: ends a task that waits for approval; it fails as <c>Rejected</c> with who and why.</summary>
public sealed class RejectTaskHandler(SwarmSettings settings) : IApiHandler
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        TaskApprovals.DecideAsync(request, durable, settings, approved: false, cancellationToken);
}
