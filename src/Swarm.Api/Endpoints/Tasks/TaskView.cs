using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Application.Schedules;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks;
using Swarm.Domain.Patterns;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// A task as <c>GET /api/v1/tasks/{id}</c> shows it: its status and phase, the agents that worked on it, each step's
/// output, the result, tokens and cost, and a timeline of what happened when.
/// </summary>
/// <param name="Phase">While it runs, where it is: <c>awaiting-approval</c>, <c>waiting-for-agent</c>, <c>running</c>, <c>completing</c> or <c>failed</c>.</param>
/// <param name="AgentId">The agent whose answer is the result, or while running the latest agent to take a step.</param>
/// <param name="Waiting">Steps waiting in line for an agent right now.</param>
/// <param name="Feedback">People's ratings of a finished task (<c>POST /api/v1/tasks/{id}/feedback</c>); null while it runs.</param>
/// <param name="SubmittedBy">Who submitted it: the subject that may read it and share it (see <see cref="Visibility.ReadScope"/>).</param>
public sealed record TaskView(
    string Id,
    TaskRunStatus Status,
    string? Phase,
    string? Strategy,
    string? AgentId,
    IReadOnlyList<string> Agents,
    string? Prompt,
    int? Priority,
    IReadOnlyList<string>? Capabilities,
    bool RequiresApproval,
    IReadOnlyDictionary<string, string>? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    DateTimeOffset? Deadline,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? AnsweredAt,
    AgentAnswer? Result,
    IReadOnlyList<StepOutcome>? Steps,
    ModelUsage? Totals,
    IReadOnlyList<string> Waiting,
    IReadOnlyList<TaskEvent> Timeline,
    TaskFailure? Error,
    IReadOnlyList<Rating>? Feedback = null,
    string? SubmittedBy = null)
{
    public static TaskView From(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var input = instance.ReadInputAs<TaskRunInput>();
        var progress = instance.ReadCustomStatusAs<TaskProgress>();
        var output = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<TaskRunResult>() : null;
        return new TaskView(
            instance.InstanceId,
            StatusOf(instance.RuntimeStatus, progress),
            instance.IsRunning ? progress?.Phase : null,
            output?.Strategy.ToString().ToLowerInvariant() ?? progress?.Strategy,
            output?.AgentId ?? LatestAgent(progress),
            // Every agent that held a seat of the task, those asked by another agent's tools included (they are no step of their own).
            output is null ? progress?.Agents ?? [] : [.. output.Steps.Select(s => s.AgentId).Concat(progress?.Agents ?? []).Distinct(StringComparer.Ordinal)],
            input?.Prompt,
            input?.Priority,
            input?.Capabilities,
            input?.RequiresApproval ?? false,
            input?.Metadata,
            instance.CreatedAt,
            instance.LastUpdatedAt,
            input?.Deadline,
            output?.ClaimedAt,
            output?.AnsweredAt,
            output?.Answer,
            output?.Steps,
            output?.Totals,
            instance.IsRunning ? progress?.Waiting ?? [] : [],
            output?.Timeline ?? progress?.Timeline ?? [],
            ErrorOf(instance, progress),
            SubmittedBy: input?.SubmittedBy);
    }

    static string? LatestAgent(TaskProgress? progress) => progress switch
    {
        { Seats: [.., var seat] } => seat.AgentId,
        { Agents: [.., var agent] } => agent,
        _ => null,
    };

    /// <summary>Whether people can rate it: it completed or failed. Not part of the view a client reads.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinishedWork => Status is TaskRunStatus.Completed or TaskRunStatus.Failed;

    /// <summary>Whether the agent worked on (or holds a seat for) this task: what an agent principal may read.</summary>
    public bool Involves(string agentId) => Agents.Contains(agentId, StringComparer.Ordinal) || AgentId == agentId;

    public static TaskRunStatus StatusOf(OrchestrationRuntimeStatus status, TaskProgress? progress = null) => status switch
    {
        OrchestrationRuntimeStatus.Pending => TaskRunStatus.Queued,
        OrchestrationRuntimeStatus.Completed => TaskRunStatus.Completed,
        OrchestrationRuntimeStatus.Failed => TaskRunStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => TaskRunStatus.Canceled,
        _ when progress?.Phase == TaskProgress.AwaitingApproval => TaskRunStatus.AwaitingApproval,
        _ when progress is { Phase: TaskProgress.WaitingForAgent, Seats.Count: 0 } => TaskRunStatus.Queued,
        _ when progress is null => TaskRunStatus.Queued,
        _ => TaskRunStatus.Running,
    };

    /// <summary>The recorded reason, or the reason a terminated task was given (by self-healing or a person who canceled it).</summary>
    static TaskFailure? ErrorOf(OrchestrationMetadata instance, TaskProgress? progress)
    {
        if (progress?.Failure is { } failure)
        {
            return failure;
        }

        if (instance.FailureDetails is { } details)
        {
            return TaskFailure.From(details);
        }

        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated && instance.ReadOutputAs<string>() is { } reason
            ? new TaskFailure(reason.StartsWith(StalledTaskReaper.ReasonPrefix, StringComparison.Ordinal) ? "Stalled" : "Canceled", reason)
            : null;
    }
}
