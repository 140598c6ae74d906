using Microsoft.DurableTask.Client;
using Swarm.Domain.Autoscaling;

namespace Swarm.Workflows.Autoscaling;

/// <summary>The autoscaler's record as code outside the workflows uses it: each pool's last change and recent decisions.</summary>
public sealed class AutoscalerClient(DurableTaskClient durable)
{
    public async Task<ScalingLog> GetLogAsync(CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<ScalingLog>(AutoscalerEntity.Id, includeState: true, cancellationToken))?.State ?? new ScalingLog();

    public Task RecordAsync(ScalingPass pass, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(AutoscalerEntity.Id, nameof(AutoscalerEntity.Record), pass, cancellation: cancellationToken);
}
