using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Tasks;

namespace Swarm.Application.Tasks;

/// <summary>
/// Tells, on the real-time channel, whoever cares that a task was ended from outside (canceled, or reaped by
/// self-healing): each agent holding one of its steps (<c>task_canceled</c>, so an external agent stops working on it)
/// and its submitter if it asked, or the task streams (<c>task_finished</c>, to the task's group as well then), and its group and the operators (<c>task_state_changed</c>). A terminated orchestration runs nothing more, so the notices
/// go from whoever ended it, read from the task as it was before it ended.
/// </summary>
public sealed class StoppedTaskNotices(IRealtimeChannel channel, TimeProvider time, ILogger<StoppedTaskNotices> logger)
{
    public async Task SendAsync(OrchestrationMetadata task, string errorType, string reason)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.ReadInputAs<TaskRunInput>() is not { } input)
        {
            return;
        }

        // Notify is whether the task tells agents of their steps (the channel was on when it was submitted).
        var holders = input.Notify && task.ReadCustomStatusAs<TaskProgress>() is { } progress
            ? progress.Seats.Select(seat => RealtimeEvents.Canceled(seat.AgentId, input.TaskId, seat.Stage, errorType, reason))
            : [];
        // At once, so a channel that does not answer costs the caller one call's limit, not one per notice.
        // Its group and the operators hear it as a state change, when the channel was on at submission.
        var watchers = input.NotifyGroups ? RealtimeEvents.TaskState(input.TaskId, TaskRunStatus.Canceled, time.GetUtcNow(), errorType, reason) : [];
        var notices = holders.Concat(RealtimeEvents.FinishedFor(input, "canceled", errorType: errorType, errorMessage: reason)).Concat(watchers);
        await Task.WhenAll(notices.Select(notice => channel.TrySendAsync(notice, logger)));
    }
}
