using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Domain.Autoscaling;
using Swarm.Workflows.Autoscaling;

namespace Swarm.Api.Endpoints.Scaling;

/// <summary>Autoscaling as the API shows it: on or off, its settings, each pool's last change and the latest decisions.</summary>
public sealed record ScalingView(
    bool Enabled,
    int CooldownSeconds,
    double ScaleDownUtilization,
    int MaxStep,
    object DefaultLimits,
    IReadOnlyDictionary<string, object> Pools,
    DateTimeOffset? LastPass,
    IReadOnlyDictionary<string, DateTimeOffset> LastChange,
    IReadOnlyList<ScalingDecision> Decisions)
{
    public static async Task<ScalingView> ReadAsync(SwarmSettings settings, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(durable);
        var log = await new AutoscalerClient(durable).GetLogAsync(cancellationToken);
        var scaling = settings.Autoscaling;
        return new ScalingView(
            settings.System.AutoScaling,
            scaling.CooldownSeconds,
            scaling.ScaleDownUtilization,
            scaling.MaxStep,
            new { min = scaling.DefaultMin, max = scaling.DefaultMax },
            scaling.Pools.ToDictionary(p => p.Key, p => (object)new { min = scaling.LimitsFor(p.Key).Min, max = scaling.LimitsFor(p.Key).Max }),
            log.LastPass,
            log.LastChange,
            [.. log.Recent.Reverse()]);
    }
}
