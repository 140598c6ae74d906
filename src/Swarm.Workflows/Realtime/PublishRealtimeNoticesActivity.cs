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
    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<RealtimeDelivery> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sent = await Task.WhenAll(input.GroupBy(notice => notice.To).Select(InOrderAsync));
        return sent.Sum();
    }

    async Task<int> InOrderAsync(IEnumerable<RealtimeDelivery> notices)
    {
        var sent = 0;
        foreach (var notice in notices)
        {
            sent += await sender.TrySendAsync(notice, logger) ? 1 : 0;
        }

        return sent;
    }
}
