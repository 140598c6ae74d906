using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>Finds a task by id for a caller: only task ids are looked up, and an agent sees only tasks it works on.</summary>
public static class TaskLookup
{
    /// <summary>The task's orchestration and view, or null when there is no such task for this caller.</summary>
    public static async Task<(OrchestrationMetadata Instance, TaskView View)?> FindAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var id = request.RouteValues.GetValueOrDefault("id");

        // Only task ids are looked up, so these routes cannot be used to reach other orchestrations or entities.
        var instance = TaskId.IsWellFormed(id) ? await durable.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken) : null;
        if (instance is null || !TaskRunClient.IsTask(instance))
        {
            return null;
        }

        var view = TaskView.From(instance);

        // An agent sees only the tasks it works on; to it, other tasks do not exist.
        return request.Principal is { AgentId: { } agentId } && !view.Involves(agentId) ? null : (instance, view);
    }

    public static ApiResponse NotFound(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApiResponse.Problem(Problems.NotFound($"There is no task with id '{request.RouteValues.GetValueOrDefault("id")}'."));
    }
}
