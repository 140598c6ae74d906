using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>Delivers a person's decision to a task that waits for approval, as the durable event it waits on.</summary>
public static class TaskApprovals
{
    public static async Task<ApiResponse> DecideAsync(ApiRequest request, DurableTaskClient durable, SwarmSettings settings, bool approved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(settings);
        // The comment is optional, and so is the body that carries it; but a body that is sent is read, so one that is not
        // JSON (or says no type at all) is refused rather than silently dropped with the comment in it.
        var body = request.DeclaresBody || request.Header("Content-Type") is not null ? await ApiJson.ReadBodyAsync<ApprovalBody>(request, settings.Api.MaxRequestBytes, cancellationToken) : new ApprovalBody(null);
        if (body.Comment is { Length: > 1_000 })
        {
            return ApiResponse.Problem(Problems.Validation([new FieldError("comment", "is at most 1000 characters.")]));
        }

        if (await TaskLookup.FindAsync(request, durable, cancellationToken) is not { } found)
        {
            return TaskLookup.NotFound(request);
        }

        if (found.View.Status != TaskRunStatus.AwaitingApproval)
        {
            return ApiResponse.Problem(Problems.Conflict($"Task '{found.View.Id}' is not waiting for approval (it is {found.View.Status.ToString().ToLowerInvariant()})."));
        }

        var by = request.Principal!.Subject;
        await new TaskRunClient(durable).DecideAsync(found.View.Id, new ApprovalDecision(approved, by, body.Comment), CancellationToken.None);
        var location = SwarmRoutes.GetTask.PathFor(("id", found.View.Id));
        var verdict = approved ? "approved" : "rejected";
        return ApiResponse.Accepted(new ApprovalRecorded(found.View.Id, verdict, location), location) with { AuditDetail = $"{verdict} by {by}" };
    }
}
