using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// Tasks as code outside the workflows uses them: starting one, recognising its instance, and the events a task waits
/// for (a person's approval, an external agent's result). Orchestration and event names stay here.
/// </summary>
public sealed class TaskRunClient(DurableTaskClient durable)
{
    /// <summary>Whether an orchestration instance is a task (and not a proposal, an agent's workflow or a notice).</summary>
    public static bool IsTask(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Name == nameof(TaskRunOrchestrator);
    }

    /// <summary>Schedules the task under its id; the start message is in storage when this returns.</summary>
    public Task StartAsync(TaskRunInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return durable.ScheduleNewOrchestrationInstanceAsync(nameof(TaskRunOrchestrator), input, new StartOrchestrationOptions(input.TaskId), cancellationToken);
    }

    /// <summary>Delivers a person's decision to a task waiting for approval.</summary>
    public Task DecideAsync(string taskId, ApprovalDecision decision, CancellationToken cancellationToken) =>
        durable.RaiseEventAsync(taskId, ApprovalDecision.EventName, decision, cancellationToken);

    /// <summary>Delivers an external agent's result for the step it holds under <paramref name="seatKey"/>.</summary>
    public Task PostResultAsync(string taskId, string seatKey, ExternalResult result, CancellationToken cancellationToken) =>
        durable.RaiseEventAsync(taskId, ExternalResult.EventName(seatKey), result, cancellationToken);
}
