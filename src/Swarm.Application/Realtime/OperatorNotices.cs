using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Realtime;

/// <summary>
/// Sends the swarm's own events from outside any orchestration (the periodic jobs: autoscaling, self-healing, health)
/// straight to the channel, when it is on. Like every notice, one that cannot go is logged and dropped: the job goes on.
/// </summary>
public sealed class OperatorNotices(SwarmSettings settings, IRealtimeChannel channel, ILogger<OperatorNotices> logger)
{
    public async Task SendAsync(IEnumerable<RealtimeDelivery> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (settings.Realtime.Active)
        {
            // At once, so a channel that does not answer costs the job one call's limit, not one per notice.
            await Task.WhenAll(notices.Select(notice => channel.TrySendAsync(notice, logger)));
        }
    }
}
