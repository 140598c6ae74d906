using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Tasks;

namespace Swarm.Runtime.Tasks;

/// <summary>
/// Tells a task's submitter, on the real-time channel, that the task was ended from outside (canceled, or reaped by
/// self-healing). A terminated orchestration runs nothing more, so the notice goes from whoever ended it.
/// </summary>
public sealed class StoppedTaskNotices(IRealtimeChannel channel, ILogger<StoppedTaskNotices> logger)
{
    public async Task SendAsync(OrchestrationMetadata task, string errorType, string reason)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.ReadInputAs<TaskRunInput>() is { } input && RealtimeEvents.FinishedFor(input, "canceled", errorType: errorType, errorMessage: reason) is { } notice)
        {
            await channel.TrySendAsync(notice, logger);
        }
    }
}
