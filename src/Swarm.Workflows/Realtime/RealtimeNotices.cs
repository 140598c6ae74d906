using Microsoft.DurableTask;

namespace Swarm.Workflows.Realtime;

/// <summary>How orchestrations send a notice: through <see cref="PublishRealtimeActivity"/>, since they may not do I/O.</summary>
public static class RealtimeNotices
{
    /// <summary>
    /// The activity already drops what it cannot deliver; should the activity itself fail, the notice is lost too and the
    /// orchestration goes on, because the state it describes is durable and readable without it.
    /// </summary>
    public static async Task SendAsync(TaskOrchestrationContext context, RealtimeDelivery notice)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.CallActivityAsync<bool>(nameof(PublishRealtimeActivity), notice);
        }
        catch (TaskFailedException)
        {
            // Lost, not fatal; the activity logged why if it got to run.
        }
    }

    /// <summary>
    /// Sends several notices in one activity (<see cref="PublishRealtimeNoticesActivity"/>), each audience's in the order
    /// given; nothing at all, not even an activity, when there are none.
    /// </summary>
    public static async Task SendAsync(TaskOrchestrationContext context, IReadOnlyList<RealtimeDelivery> notices)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return;
        }

        try
        {
            await context.CallActivityAsync<int>(nameof(PublishRealtimeNoticesActivity), notices);
        }
        catch (TaskFailedException)
        {
            // Lost, not fatal, as above.
        }
    }
}
