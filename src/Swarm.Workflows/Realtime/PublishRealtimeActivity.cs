using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Swarm.Workflows.Realtime;

/// <summary>
/// Pushes one event on the real-time channel for an orchestration (which may not do I/O itself). A notice that cannot
/// be delivered is logged and dropped, never retried into the task's way; the result says whether it went.
/// </summary>
public sealed class PublishRealtimeActivity(IRealtimeChannel sender, ILogger<PublishRealtimeActivity> logger) : TaskActivity<RealtimeDelivery, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, RealtimeDelivery input) => sender.TrySendAsync(input, logger);
}
