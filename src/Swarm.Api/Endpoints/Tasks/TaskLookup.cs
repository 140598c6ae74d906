using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Visibility;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// Finds a task by id for a caller: only task ids are looked up, and only a task the caller may read is found (see
/// <see cref="ReadScope"/>): to anyone else it does not exist, so every route that names a task answers 404 alike.
/// </summary>
public static class TaskLookup
{
    /// <summary>The task's orchestration and view, or null when there is no such task for this caller.</summary>
    public static Task<(OrchestrationMetadata Instance, TaskView View)?> FindAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        FindAsync(request, durable, ReadScope.Of(request, durable), cancellationToken);

    /// <inheritdoc cref="FindAsync(ApiRequest, DurableTaskClient, CancellationToken)"/>
    public static async Task<(OrchestrationMetadata Instance, TaskView View)?> FindAsync(ApiRequest request, DurableTaskClient durable, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(scope);
        return await FindByIdAsync(request.RouteValues.GetValueOrDefault("id"), durable, scope, cancellationToken);
    }

    /// <summary>The task <paramref name="id"/> if it exists and <paramref name="scope"/>'s caller may read it.</summary>
    public static async Task<(OrchestrationMetadata Instance, TaskView View)?> FindByIdAsync(string? id, DurableTaskClient durable, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(scope);

        // Only task ids are looked up, so these routes cannot be used to reach other orchestrations or entities.
        var instance = TaskId.IsWellFormed(id) ? await durable.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken) : null;
        if (instance is null || !TaskRunClient.IsTask(instance))
        {
            return null;
        }

        var view = TaskView.From(instance);
        return await scope.CanReadAsync(view, cancellationToken) ? (instance, view) : null;
    }

    public static ApiResponse NotFound(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApiResponse.Problem(Problems.NotFound($"There is no task with id '{request.RouteValues.GetValueOrDefault("id")}'."));
    }
}
