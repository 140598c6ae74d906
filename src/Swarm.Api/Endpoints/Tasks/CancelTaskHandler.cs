using Microsoft.DurableTask.Client;
using Swarm.Application.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// <c>POST /api/v1/tasks/{id}/cancel</c>: ends a task that has not finished, giving back every agent seat it holds
/// and its places in line; the task shows <c>canceled</c> with who canceled it. <c>409</c> for a finished task.
/// </summary>
public sealed class CancelTaskHandler(Swarm.Application.Configuration.SwarmSettings settings, StoppedTaskNotices notices, TaskIndexCatchUp taskIndex) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await TaskLookup.FindAsync(request, durable, cancellationToken) is not { } found)
        {
            return TaskLookup.NotFound(request);
        }

        if (!found.Instance.IsRunning && found.Instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
        {
            return ApiResponse.Problem(Problems.Conflict($"Task '{found.View.Id}' has already finished ({found.View.Status.ToString().ToLowerInvariant()})."));
        }

        // Its work is done and only the last checkpoint (after the completion notice) is left: ending it now would throw
        // away a result that exists.
        if (found.View.Timeline is [.., { Kind: "completed" or "failed" }])
        {
            return ApiResponse.Problem(Problems.Conflict($"Task '{found.View.Id}' has finished its work and is being completed."));
        }

        var reason = $"Canceled by {request.Principal!.Subject}.";
        await TaskStopper.StopAsync(durable, found.Instance, reason, agentsFailed: false, settings.Dispatch.Shards, CancellationToken.None);
        await taskIndex.StoppedAsync(found.Instance, "Canceled", CancellationToken.None);
        await notices.SendAsync(found.Instance, "Canceled", reason);
        var location = SwarmRoutes.GetTask.PathFor(("id", found.View.Id));
        return ApiResponse.Accepted(new TaskCanceling(found.View.Id, "canceling", location), location) with { AuditDetail = reason };
    }
}
