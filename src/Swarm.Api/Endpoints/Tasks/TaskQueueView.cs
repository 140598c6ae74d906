using Microsoft.DurableTask.Client;
using Swarm.Domain.Distribution;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// The queue as <c>GET /api/v1/tasks</c> shows it: unfinished tasks counted by status and by priority (from a scan of
/// at most <see cref="CountLimit"/> of them; <paramref name="CountsComplete"/> says whether that was
/// all), the oldest waiting, and the dispatcher's line and seats.
/// </summary>
public sealed record TaskQueueView(
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<int, int> ByPriority,
    bool CountsComplete,
    string? OldestWaitingTask,
    DateTimeOffset? OldestWaitingSince,
    QueueSummary Dispatcher)
{
    /// <summary>Unfinished tasks scanned for the counts; beyond it the counts say they are partial.</summary>
    public const int CountLimit = 2_000;

    /// <summary>
    /// The queue now: of every task, or with a <paramref name="scope"/> only of those its caller may read (so the oldest
    /// waiting task it names is one the caller could open); for an agent, not the line's priorities either.
    /// </summary>
    public static async Task<TaskQueueView> ReadAsync(DurableTaskClient durable, Visibility.ReadScope? scope, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = TaskId.Prefix,
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
            FetchInputsAndOutputs = true,
            PageSize = 200,
        };
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPriority = new Dictionary<int, int>();
        TaskView? oldestWaiting = null;
        var scanned = 0;
        var complete = true;
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (++scanned > CountLimit)
            {
                complete = false;
                break;
            }

            if (!TaskRunClient.IsTask(instance) || TaskView.From(instance) is not { } view || (scope is not null && !await scope.CanReadAsync(view, cancellationToken)))
            {
                continue;
            }

            var key = view.Status.ToString();
            key = char.ToLowerInvariant(key[0]) + key[1..];
            byStatus[key] = byStatus.GetValueOrDefault(key) + 1;
            byPriority[view.Priority ?? TaskRequest.DefaultPriority] = byPriority.GetValueOrDefault(view.Priority ?? TaskRequest.DefaultPriority) + 1;
            if (view.Status == TaskRunStatus.Queued && (oldestWaiting is null || view.CreatedAt < oldestWaiting.CreatedAt))
            {
                oldestWaiting = view;
            }
        }

        var dispatcher = (await new DispatcherClient(durable).GetBoardAsync(cancellationToken)).Summarize();
        return new TaskQueueView(
            byStatus,
            byPriority.OrderByDescending(p => p.Key).ToDictionary(p => p.Key, p => p.Value),
            complete,
            oldestWaiting?.Id,
            oldestWaiting?.CreatedAt,
            scope?.Principal.AgentId is null ? dispatcher : dispatcher with { WaitingByPriority = new Dictionary<int, int>() });
    }
}
