using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Application.Health;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// <c>GET /api/v1/system/health</c>: every dependency checked now (as <c>/ready</c> does), the latest periodic probe,
/// and the real-time channel. Always 200 with <c>status</c> <c>healthy</c> or <c>degraded</c>: it reports, while
/// <c>/ready</c> is what load balancers act on.
/// </summary>
public sealed class SystemHealthHandler(ReadinessProbe probe, LatestHealth latest, SwarmSettings settings, TimeProvider time) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = await probe.CheckAsync(durable, cancellationToken);
        return ApiResponse.Ok(new SystemHealthView(
            now.Ready ? "healthy" : "degraded",
            now.Checks,
            now.CheckedAt,
            new HealthProbeView(latest.Report),
            RealtimeStatus.Of(settings.Realtime),
            InstanceSnapshot.Now(time)));
    }
}
