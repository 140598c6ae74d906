using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tasks.Index;

/// <summary>
/// Writes a task's index entry, then sends the notices of the same change; returns how many notices went. The entry
/// first: a write that fails fails the activity before any notice is sent, so a retry sends each notice once. A notice
/// that cannot go is logged and dropped, as <see cref="PublishRealtimeNoticesActivity"/> drops it.
/// </summary>
public sealed class RecordTaskChangeActivity(ITaskIndex index, IRealtimeChannel sender, ILogger<RecordTaskChangeActivity> logger) : TaskActivity<TaskChange, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, TaskChange input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Entry is { } entry)
        {
            await index.RecordAsync(entry, CancellationToken.None);
        }

        return await PublishRealtimeNoticesActivity.SendAllAsync(sender, input.Notices, logger);
    }
}
