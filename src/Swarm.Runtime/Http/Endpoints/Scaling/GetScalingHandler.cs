using Microsoft.DurableTask.Client;
using Swarm.Domain.Autoscaling;
using Swarm.Runtime.Configuration;
using Swarm.Workflows.Autoscaling;

namespace Swarm.Runtime.Http.Endpoints.Scaling;

/// <summary>
/// <c>GET /api/v1/system/scaling</c>: whether autoscaling is on, its settings, when each pool last changed (and so when
/// its cooldown ends), and the latest decisions with their reasons, holds included.
/// </summary>
public sealed class GetScalingHandler(SwarmSettings settings) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var log = (await durable.Entities.GetEntityAsync<ScalingLog>(AutoscalerEntity.Id, includeState: true, cancellationToken))?.State ?? new ScalingLog();
        var scaling = settings.Autoscaling;
        return ApiResponse.Ok(new
        {
            enabled = settings.System.AutoScaling,
            cooldownSeconds = scaling.CooldownSeconds,
            scaleDownUtilization = scaling.ScaleDownUtilization,
            maxStep = scaling.MaxStep,
            defaultLimits = new { min = scaling.DefaultMin, max = scaling.DefaultMax },
            pools = scaling.Pools.ToDictionary(p => p.Key, p => new { min = scaling.LimitsFor(p.Key).Min, max = scaling.LimitsFor(p.Key).Max }),
            lastPass = log.LastPass,
            lastChange = log.LastChange,
            decisions = log.Recent.Reverse().ToList(),
        });
    }
}
