using Microsoft.DurableTask.Client;

namespace Swarm.Api;

/// <summary>
/// Serves one route: parse and validate, call one thing, map the result. Authentication and authorization
/// have already happened in <see cref="ApiDispatcher"/>. The durable client is passed in because the
/// Functions host hands it to each invocation rather than through dependency injection.
/// </summary>
public interface IApiHandler
{
    Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken);
}
