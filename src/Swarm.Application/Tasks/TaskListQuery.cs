using Swarm.Domain.Tasks;
using Swarm.Workflows.Tasks.Index;

namespace Swarm.Application.Tasks;

/// <summary>A page of the task index: everyone's tasks or one submitter's, of one status or all, after a continuation token.</summary>
/// <param name="SubmittedBy">Only this subject's tasks; null for everyone's.</param>
public sealed record TaskListQuery(string? SubmittedBy, TaskRunStatus? Status, int PageSize, string? ContinuationToken);

/// <summary>One page of the task index, and the token for the next (null on the last page).</summary>
public sealed record TaskListPage(IReadOnlyList<TaskIndexEntry> Items, string? ContinuationToken);

/// <summary>Unfinished tasks, newest first; <paramref name="Complete"/> false when there were more than were read.</summary>
public sealed record OpenTasks(IReadOnlyList<TaskIndexEntry> Items, bool Complete);
