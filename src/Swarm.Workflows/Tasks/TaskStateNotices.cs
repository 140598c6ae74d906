using Microsoft.DurableTask;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// A task's state changes on the real-time channel, for its group and the operators (and its end for its submitter),
/// in order and off the task's way: each change's activity starts once the previous change's is done, and the task
/// waits only for its end (sent before the last checkpoint, like <c>task_finished</c>, and by then the earlier ones are
/// long done). That end is the one cost on the task's path: one activity, with the channel on, for every task. A task
/// stored before groups existed (<see cref="TaskRunInput.NotifyGroups"/> false) sends only its <c>task_finished</c>
/// notices, one activity each as before, so its replay agrees. When the task's index entries carry its notices
/// (<see cref="Index.TaskIndexWrites.CarriesNotices"/>), each change goes with its entry in one activity, in the index's order.
/// </summary>
public sealed class TaskStateNotices(TaskOrchestrationContext context, TaskRunInput input, Index.TaskIndexWrites index)
{
    Task previous = Task.CompletedTask;

    /// <summary>Starts telling of a change without waiting for it; its time is now, whenever it goes.</summary>
    public void Changed(TaskRunStatus state)
    {
        if (input.NotifyGroups)
        {
            IReadOnlyList<RealtimeDelivery> notices = RealtimeEvents.TaskState(input.TaskId, state, context.CurrentUtcDateTime);
            previous = index.CarriesNotices ? index.SendWith(notices) : AfterAsync(previous, notices);
        }
    }

    /// <summary>Tells of the task's end, after every earlier change, in one activity for every audience.</summary>
    public Task EndedAsync(TaskRunStatus status, string? result = null, string? errorType = null, string? errorMessage = null)
    {
        var finished = RealtimeEvents.FinishedFor(input, RealtimeEvents.StatusName(status), result, errorType, errorMessage);
        if (!input.NotifyGroups)
        {
            // As before groups: one activity per notice, side by side.
            return Task.WhenAll(finished.Select(notice => RealtimeNotices.SendAsync(context, notice)));
        }

        IReadOnlyList<RealtimeDelivery> notices = [.. RealtimeEvents.TaskState(input.TaskId, status, context.CurrentUtcDateTime, errorType, errorMessage), .. finished];
        previous = index.CarriesNotices ? index.SendWith(notices) : AfterAsync(previous, notices);
        return previous;
    }

    /// <summary>Sends after <paramref name="before"/>, which never fails: a notice that cannot go is dropped where it is sent.</summary>
    async Task AfterAsync(Task before, IReadOnlyList<RealtimeDelivery> notices)
    {
        await before;
        await RealtimeNotices.SendAsync(context, notices);
    }
}
