using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Swarm.Workflows.Realtime;

/// <summary>
/// Pushes several events at once for an orchestration: one activity (one pair of history events) for what one change
/// tells several audiences, e.g. a task's end to its group, the operators and its submitter. Each audience gets its own
/// events in the order given; audiences are served side by side, so a channel that does not answer costs one call's
/// limit, not one per notice. What cannot be delivered is logged and dropped; the result is how many went.
/// </summary>
public sealed class PublishRealtimeNoticesActivity(IRealtimeChannel sender, ILogger<PublishRealtimeNoticesActivity> logger) : TaskActivity<IReadOnlyList<RealtimeDelivery>, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<RealtimeDelivery> input) => SendAllAsync(sender, input, logger);

    /// <summary>Sends each audience's notices in order, the audiences side by side; returns how many went.</summary>
    public static async Task<int> SendAllAsync(IRealtimeChannel sender, IReadOnlyList<RealtimeDelivery> notices, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(notices);
        var sent = await Task.WhenAll(notices.GroupBy(notice => notice.To).Select(audience => InOrderAsync(sender, audience, logger)));
        return sent.Sum();
    }

    static async Task<int> InOrderAsync(IRealtimeChannel sender, IEnumerable<RealtimeDelivery> notices, ILogger logger)
    {
        var sent = 0;
        foreach (var notice in notices)
        {
            sent += await sender.TrySendAsync(notice, logger) ? 1 : 0;
        }

        return sent;
    }
}
