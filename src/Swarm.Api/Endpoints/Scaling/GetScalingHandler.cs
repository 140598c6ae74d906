using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;

namespace Swarm.Api.Endpoints.Scaling;

/// <summary>
/// <c>GET /api/v1/system/scaling</c>: whether autoscaling is on, its settings, when each pool last changed (and so when
/// its cooldown ends), and the latest decisions with their reasons, holds included.
/// </summary>
public sealed class GetScalingHandler(SwarmSettings settings) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ApiResponse.Ok(await ScalingView.ReadAsync(settings, durable, cancellationToken));
}
