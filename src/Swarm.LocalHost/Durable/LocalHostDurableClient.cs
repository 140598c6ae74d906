using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// The local host's <see cref="DurableTaskClient"/>: the SDK's gRPC client, for orchestrations and entities, with a
/// faster wait for an instance's completion (below).
/// </summary>
sealed class LocalHostDurableClient(DurableTaskClient orchestrations) : DurableTaskClient(orchestrations.Name)
{
    public override DurableEntityClient Entities => orchestrations.Entities;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        orchestrations.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        orchestrations.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        orchestrations.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <summary>
    /// Polls the instance itself, from 25 ms backing off to 250 ms. The gRPC sidecar's own wait goes to
    /// DurableTask.AzureStorage, which checks only every 2 s, so every request that waits for a short orchestration
    /// (creating an agent, scaling a pool) took over 2 s however fast the orchestration ran (see BENCHMARKS.md).
    /// </summary>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var pause = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            if (await orchestrations.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { IsCompleted: true } done)
            {
                return done;
            }

            await Task.Delay(pause, cancellation);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        orchestrations.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        orchestrations.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        orchestrations.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        orchestrations.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        orchestrations.GetAllInstancesAsync(filter);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        orchestrations.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        orchestrations.PurgeAllInstancesAsync(filter, options, cancellation);

    public override ValueTask DisposeAsync() => orchestrations.DisposeAsync();
}
