using Microsoft.DurableTask.Client;
using Swarm.Providers;

namespace Swarm.Api.Endpoints.Providers;

/// <summary>
/// <c>GET /api/v1/providers</c>: every provider type, whether it is configured (and if not, which setting is missing),
/// its endpoint, limits, fallbacks and priced models, and the breaker state and recent failures of each model this
/// instance has called. Keys are never part of it.
/// </summary>
public sealed class ListProvidersHandler(ProviderCatalog providers) : IApiHandler
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(new ProviderList(providers.Report())));

    /// <summary>The response body.</summary>
    public sealed record ProviderList(IReadOnlyList<ProviderReport> Providers);
}
