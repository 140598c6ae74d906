namespace Swarm.Api.Endpoints.Tasks;

/// <summary>A page of <c>GET /api/v1/tasks</c>: the queue, the tasks on this page, and the token for the next (null on the last).</summary>
public sealed record TaskPage(TaskQueueView Queue, IReadOnlyList<TaskSummary> Items, string? ContinuationToken);
