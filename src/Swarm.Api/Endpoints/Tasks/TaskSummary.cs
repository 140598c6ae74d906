using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks.Index;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>One task in the listing: enough to pick it out, without prompts, answers or timelines.</summary>
public sealed record TaskSummary(string Id, TaskRunStatus Status, string? Phase, string? Strategy, int? Priority, string? AgentId, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string? Error)
{
    public static TaskSummary From(TaskView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Status, view.Phase, view.Strategy, view.Priority, view.AgentId, view.CreatedAt, view.LastUpdatedAt, view.Error?.Type);
    }

    /// <summary>The task as the task index holds it: <c>createdAt</c> is when the API accepted it.</summary>
    public static TaskSummary From(TaskIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.TaskId, entry.Status, entry.Phase, entry.Strategy, entry.Priority, entry.AgentId, entry.AcceptedAt, entry.UpdatedAt, entry.ErrorType);
    }
}
