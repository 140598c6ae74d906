using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Tasks.Index;

/// <summary>
/// A task as the task index holds it: what the listing and the queue show and what visibility needs (who submitted it,
/// which agents worked on it), never its prompt, answers or timeline. Written by the task's own workflow at each change
/// of status (<see cref="RecordTaskActivity"/>); the orchestration stays the truth and <c>GET /api/v1/tasks/{id}</c>
/// reads it there.
/// </summary>
/// <param name="AcceptedAt">When the task was accepted: with the id, its place in the index (newest first). Never changes.</param>
/// <param name="Phase">While unfinished, where it is (as in <see cref="TaskProgress"/>); null once finished.</param>
/// <param name="AgentId">The agent whose answer is the result, or while it runs the first agent to take a step.</param>
/// <param name="Agents">Every agent that held a seat of the task so far.</param>
/// <param name="ErrorType">Why it failed or was ended (<see cref="TaskFailure.Type"/>); null otherwise.</param>
public sealed record TaskIndexEntry(
    string TaskId,
    string? SubmittedBy,
    DateTimeOffset AcceptedAt,
    TaskRunStatus Status,
    string? Phase,
    string? Strategy,
    int Priority,
    string? AgentId,
    IReadOnlyList<string> Agents,
    DateTimeOffset UpdatedAt,
    string? ErrorType)
{
    /// <summary>Whether the task has ended: its row leaves the queue and no later write may move it back.</summary>
    public bool IsFinished => Status is TaskRunStatus.Completed or TaskRunStatus.Failed or TaskRunStatus.Canceled;

    /// <summary>The entry of a task as it was accepted, before any work.</summary>
    public static TaskIndexEntry Accepted(TaskRunInput input, DateTimeOffset acceptedAt, TaskRunStatus status, string phase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(input.TaskId, input.SubmittedBy, acceptedAt, status, phase, null, input.Priority, null, [], now, null);
    }

    /// <summary>
    /// The entry of a task that has ended, read from its orchestration (the truth): for whoever ended it from outside and
    /// for the repair of rows whose own write never came. Null when the instance is not a task or has not ended.
    /// </summary>
    /// <param name="errorType">Why a terminated task ended (<c>Canceled</c>, <c>Stalled</c>); its orchestration does not say.</param>
    /// <param name="endedAs">How it ended, when <paramref name="instance"/> was read before (a task being terminated).</param>
    public static TaskIndexEntry? Ended(OrchestrationMetadata instance, string? errorType, DateTimeOffset now, OrchestrationRuntimeStatus? endedAs = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.ReadInputAs<TaskRunInput>() is not { } input)
        {
            return null;
        }

        var progress = instance.ReadCustomStatusAs<TaskProgress>();
        var result = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<TaskRunResult>() : null;
        var (status, error) = (endedAs ?? instance.RuntimeStatus) switch
        {
            OrchestrationRuntimeStatus.Completed => (TaskRunStatus.Completed, null),
            OrchestrationRuntimeStatus.Failed => (TaskRunStatus.Failed, progress?.Failure?.Type ?? (instance.FailureDetails is { } details ? TaskFailure.From(details).Type : "Failed")),
            OrchestrationRuntimeStatus.Terminated => (TaskRunStatus.Canceled, errorType ?? "Canceled"),
            _ => ((TaskRunStatus?)null, (string?)null),
        };
        if (status is not { } ended)
        {
            return null;
        }

        IReadOnlyList<string> agents = [.. (result?.Steps.Select(s => s.AgentId) ?? []).Concat(progress?.Agents ?? []).Distinct(StringComparer.Ordinal)];
        return new(
            input.TaskId,
            input.SubmittedBy,
            input.AcceptedAt ?? instance.CreatedAt,
            ended,
            null,
            result?.Strategy.ToString().ToLowerInvariant() ?? progress?.Strategy,
            input.Priority,
            result?.AgentId ?? (agents.Count > 0 ? agents[0] : null),
            agents,
            now,
            error);
    }
}
