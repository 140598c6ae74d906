using Swarm.Domain.Distribution;

namespace Swarm.Runtime.Http.Endpoints.Tasks;

/// <summary>
/// The queue as <c>GET /api/v1/tasks</c> shows it: unfinished tasks counted by status and by priority (from a scan of
/// at most <see cref="ListTasksHandler.CountLimit"/> of them; <paramref name="CountsComplete"/> says whether that was
/// all), the oldest waiting, and the dispatcher's line and seats.
/// </summary>
public sealed record TaskQueueView(
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<int, int> ByPriority,
    bool CountsComplete,
    string? OldestWaitingTask,
    DateTimeOffset? OldestWaitingSince,
    QueueSummary Dispatcher);
