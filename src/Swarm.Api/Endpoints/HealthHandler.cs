using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;

namespace Swarm.Api.Endpoints;

/// <summary><c>GET /health</c>: liveness. Answers whenever the process can serve HTTP; checks no dependency.</summary>
public sealed class HealthHandler(SwarmSettings settings) : IApiHandler
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(new HealthView("healthy", settings.System.Name, settings.System.Version)));
}
