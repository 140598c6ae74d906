using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Runtime.Http.Endpoints;

/// <summary><c>GET /api/v1/tasks/{id}</c>: the task's status from its orchestration, and its result once done.</summary>
public sealed class GetTaskHandler : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var id = request.RouteValues.GetValueOrDefault("id");

        // Only task ids are looked up, so this route cannot be used to read other orchestrations or entities.
        var instance = TaskId.IsWellFormed(id)
            ? await durable.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken)
            : null;
        var task = instance is not null && instance.Name == nameof(TaskRunOrchestrator) ? TaskView.From(instance) : null;

        // An agent sees only the tasks it works on; to it, other tasks do not exist.
        if (task is null || (request.Principal is { AgentId: not null } caller && (task.AgentId is not { } agentId || !caller.CanActFor(agentId))))
        {
            return ApiResponse.Problem(Problems.NotFound($"There is no task with id '{id}'."));
        }

        return ApiResponse.Ok(task);
    }
}
