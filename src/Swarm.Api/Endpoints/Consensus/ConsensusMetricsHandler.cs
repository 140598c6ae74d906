using Microsoft.DurableTask.Client;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary><c>GET /api/v1/consensus/metrics</c>: <see cref="ConsensusMetrics"/>.</summary>
public sealed class ConsensusMetricsHandler : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ApiResponse.Ok(await ConsensusMetrics.ReadAsync(durable, cancellationToken));
}
