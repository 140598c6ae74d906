using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Runtime.Configuration;
using Swarm.Workflows.Tasks;

namespace Swarm.Runtime.Http.Endpoints;

/// <summary>
/// <c>POST /api/v1/tasks</c>: validates the task, starts its durable orchestration and answers 202.
/// The task is durable once this returns: the start message is in storage before the response is sent.
/// </summary>
public sealed class SubmitTaskHandler(SwarmSettings settings) : IApiHandler
{
    readonly TaskLimits limits = new(MaxPromptLength: settings.Api.MaxPromptLength);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var task = await ApiJson.ReadBodyAsync<TaskRequest>(request, settings.Api.MaxRequestBytes, cancellationToken);
        var errors = task.Validate(limits);
        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var taskId = TaskId.New();
        var input = new TaskRunInput(
            taskId,
            task.Prompt!,
            task.Priority ?? TaskRequest.DefaultPriority,
            settings.DefaultAgent.Id,
            TimeSpan.FromSeconds(settings.Api.TaskSlotWaitSeconds),
            task.Metadata);

        // The client's cancellation is not passed on: once scheduling starts, finishing it is cheaper than guessing whether it landed.
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(TaskRunOrchestrator), input, new StartOrchestrationOptions(taskId), CancellationToken.None);

        var location = "/api/v1/tasks/" + taskId;
        return ApiResponse.Accepted(new TaskAccepted(taskId, TaskRunStatus.Queued, location), location);
    }
}
