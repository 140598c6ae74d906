using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Visibility;

/// <summary>
/// <c>POST /api/v1/tasks/{id}/share</c> <c>{"with": ["alice", "role:reviewers"]}</c>: lets more people read a task (its
/// prompt, steps, result, events). Only its submitter may share it, or a caller with <c>tasks:read:any</c>; a task the
/// caller cannot read is a 404. A share is not taken back (there is no unshare yet). Audited with the readers' names.
/// </summary>
public sealed class ShareTaskHandler(SwarmSettings settings, RoleGrants roles) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var body = await ApiJson.ReadBodyAsync<ShareBody>(request, settings.Api.MaxRequestBytes, cancellationToken);
        if (ShareTargets.Validate("with", body.With, roles, required: true) is { Count: > 0 } errors)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var scope = ReadScope.Of(request, durable);
        if (await TaskLookup.FindAsync(request, durable, scope, cancellationToken) is not { } found)
        {
            return TaskLookup.NotFound(request);
        }

        if (!scope.Owns(found.Instance.ReadInputAs<TaskRunInput>()?.SubmittedBy) && !scope.ReadsAnyTask)
        {
            return ApiResponse.Problem(Problems.NotPermitted($"Only the task's submitter may share it, or a caller with the '{Permissions.TasksReadAny}' permission."));
        }

        var readers = body.With!;
        if (await ResourceSharing.RefusalAsync(durable, found.View.Id, readers, cancellationToken) is { } full)
        {
            return ApiResponse.Problem(full);
        }

        await ResourceSharing.ShareAsync(durable, found.View.Id, readers);
        var location = SwarmRoutes.GetTask.PathFor(("id", found.View.Id));
        return ApiResponse.Ok(new ResourceShared(found.View.Id, [.. readers.Distinct(StringComparer.Ordinal)], location)) with { AuditDetail = ResourceSharing.Detail(readers) };
    }
}
