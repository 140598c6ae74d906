using Microsoft.DurableTask.Client;
using Swarm.Application.Tasks;
using Swarm.Domain.Distribution;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Tasks.Index;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// The queue as <c>GET /api/v1/tasks</c> shows it: unfinished tasks counted by status and by priority (from the task
/// index's open partition, at most <see cref="CountLimit"/> of them; <paramref name="CountsComplete"/> says whether that
/// was all), the oldest waiting, and the dispatcher's line and seats.
/// </summary>
public sealed record TaskQueueView(
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<int, int> ByPriority,
    bool CountsComplete,
    string? OldestWaitingTask,
    DateTimeOffset? OldestWaitingSince,
    QueueSummary Dispatcher)
{
    /// <summary>Unfinished tasks read for the counts; beyond it the counts say they are partial.</summary>
    public const int CountLimit = 2_000;

    /// <summary>
    /// The queue now, from the task index's unfinished tasks: of every task, or with a <paramref name="scope"/> only of
    /// those its caller may read (so the oldest waiting task it names is one the caller could open); for an agent, not
    /// the line's priorities either.
    /// </summary>
    /// <param name="ownOnly">The caller reads only the tasks it submitted (<see cref="Visibility.ReadScope.ReadsOnlyOwnTasksAsync"/>): only those are read.</param>
    public static async Task<TaskQueueView> ReadAsync(ITaskListing listing, DurableTaskClient durable, Visibility.ReadScope? scope, int dispatchShards, CancellationToken cancellationToken, bool ownOnly = false)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var board = new DispatcherClient(durable, dispatchShards).GetBoardAsync(cancellationToken);
        var open = await listing.OpenAsync(CountLimit, ownOnly ? scope?.Principal.Subject : null, cancellationToken);
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPriority = new Dictionary<int, int>();
        TaskIndexEntry? oldestWaiting = null;
        foreach (var entry in open.Items)
        {
            if (scope is not null && !await scope.CanReadAsync(entry, cancellationToken))
            {
                continue;
            }

            var key = entry.Status.ToString();
            key = char.ToLowerInvariant(key[0]) + key[1..];
            byStatus[key] = byStatus.GetValueOrDefault(key) + 1;
            byPriority[entry.Priority] = byPriority.GetValueOrDefault(entry.Priority) + 1;
            if (entry.Status == TaskRunStatus.Queued && (oldestWaiting is null || entry.AcceptedAt < oldestWaiting.AcceptedAt))
            {
                oldestWaiting = entry;
            }
        }

        var dispatcher = (await board).Summarize();
        return new TaskQueueView(
            byStatus,
            byPriority.OrderByDescending(p => p.Key).ToDictionary(p => p.Key, p => p.Value),
            open.Complete,
            oldestWaiting?.TaskId,
            oldestWaiting?.AcceptedAt,
            scope?.Principal.AgentId is null ? dispatcher : dispatcher with { WaitingByPriority = new Dictionary<int, int>() });
    }
}
