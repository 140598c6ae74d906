using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Swarm.Workflows;

/// <summary>Starting an orchestration under a fixed instance id that several instances of the swarm may ask for at once.</summary>
static class DurableStarts
{
    /// <summary>
    /// Schedules the orchestration unless another caller got there first. Which exception a duplicate start raises
    /// depends on the host, so the instance's existence afterwards is what decides.
    /// </summary>
    public static async Task StartOnceAsync(DurableTaskClient durable, TaskName orchestrator, object input, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
#pragma warning disable CA1031 // See the summary: existence, not the exception type, tells a lost race from a failure.
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                throw;
            }
        }
    }
}
