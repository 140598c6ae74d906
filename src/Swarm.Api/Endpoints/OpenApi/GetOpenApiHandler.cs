using Microsoft.DurableTask.Client;
using Swarm.Api.Contract;

namespace Swarm.Api.Endpoints.OpenApi;

/// <summary>
/// <c>GET /api/v1/openapi.json</c>: the API's OpenAPI 3.1 document (<see cref="OpenApiDocument"/>), generated from the
/// route table. Any valid credential may read it (<see cref="Application.Security.Permissions.Authenticated"/>): it holds
/// no data, but nothing but health and readiness answers without a credential. It is the same for every caller, and for
/// every instance of this build.
/// </summary>
public sealed class GetOpenApiHandler : IApiHandler
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(OpenApiDocument.ForSwarm));
}
