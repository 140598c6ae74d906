using Microsoft.DurableTask.Client;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary><c>GET /api/v1/tasks/{id}</c>: the task's status, agents, steps, result, accounting and timeline.</summary>
public sealed class GetTaskHandler : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        await TaskLookup.FindAsync(request, durable, cancellationToken) is { } found
            ? ApiResponse.Ok(found.View)
            : TaskLookup.NotFound(request);
}
