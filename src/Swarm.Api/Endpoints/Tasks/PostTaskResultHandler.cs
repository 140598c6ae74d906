using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// <c>POST /api/v1/tasks/{id}/result</c>: an external agent (provider type <c>external</c>, authenticated by its API key
/// or a session from it) delivers its answer for the step it holds, as the spec's <c>task_result</c>, or says it could
/// not do the step (<c>error</c>). <c>409</c> when the agent holds no step of the task.
/// </summary>
public sealed class PostTaskResultHandler(SwarmSettings settings) : IApiHandler
{
    /// <summary>How long a reported failure may be: a reason for the timeline, not a log.</summary>
    public const int MaxErrorLength = 2000;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (request.Principal is not { AgentId: { } agentId })
        {
            // Who is calling is wrong, not the task's state: a person's token can never post a result.
            return ApiResponse.Problem(Problems.NotPermitted("Only an agent posts a result, with its API key ('Authorization: ApiKey <key>') or a session from it."));
        }

        var body = await ApiJson.ReadBodyAsync<TaskResultBody>(request, settings.Api.MaxRequestBytes, cancellationToken);
        var errors = new List<FieldError>();
        if (body.Error is not null)
        {
            if (body.Text is not null)
            {
                errors.Add(new("error", "is sent instead of 'text', when the agent could not do the step; not both."));
            }
            else if (string.IsNullOrWhiteSpace(body.Error) || body.Error.Length > MaxErrorLength)
            {
                errors.Add(new("error", $"must say why the step could not be done, in 1 to {MaxErrorLength} characters."));
            }
        }
        else if (string.IsNullOrWhiteSpace(body.Text))
        {
            errors.Add(new("text", "is required and must not be blank (or send 'error' when the step could not be done)."));
        }

        if (body.InputTokens is < 0 || body.OutputTokens is < 0 || body.CostUsd is < 0)
        {
            errors.Add(new("inputTokens", "token counts and cost must not be negative."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        if (await TaskLookup.FindAsync(request, durable, cancellationToken) is not { } found)
        {
            return TaskLookup.NotFound(request);
        }

        var seat = found.Instance.ReadCustomStatusAs<TaskProgress>()?.Seats.FirstOrDefault(s => s.AgentId == agentId && (body.Step is null || s.Stage == body.Step));
        if (seat is null || !found.Instance.IsRunning)
        {
            return ApiResponse.Problem(Problems.Conflict($"Agent '{agentId}' holds no step{(body.Step is null ? "" : $" '{body.Step}'")} of task '{found.View.Id}' that waits for a result."));
        }

        var result = new ExternalResult(body.Text ?? "", body.InputTokens ?? 0, body.OutputTokens ?? 0, body.CostUsd, body.Model) { Error = body.Error };
        await new TaskRunClient(durable).PostResultAsync(found.View.Id, seat.SeatKey, result, CancellationToken.None);
        var location = SwarmRoutes.GetTask.PathFor(("id", found.View.Id));
        var what = body.Error is null ? "result" : "failure";
        return ApiResponse.Accepted(new StepResultAccepted(found.View.Id, seat.Stage, location), location) with { AuditDetail = $"{what} for {seat.Stage} from {agentId}" };
    }
}
