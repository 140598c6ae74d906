using Microsoft.DurableTask.Client;
using Swarm.Application.Realtime;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// <c>OPTIONS /api/v1/realtime/events</c>: the abuse-protection handshake (CloudEvents' HTTP webhook validation) Web
/// PubSub makes before it sends events. It needs no credential and grants nothing: it answers
/// <c>WebHook-Allowed-Origin</c> only for our own Web PubSub endpoint's host, so no other service can be made to send here.
/// </summary>
public sealed class RealtimeHandshakeHandler(IUpstreamRequestCheck? check = null) : IApiHandler
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Header(CloudEventHeaders.RequestOrigin);
        return Task.FromResult(check?.AllowedOrigin(origin) is { } allowed
            ? new ApiResponse(200, null).WithHeader(CloudEventHeaders.AllowedOrigin, allowed)
            : ApiResponse.Problem(Problems.NotPermitted($"'{origin ?? "(no origin)"}' is not this swarm's Web PubSub endpoint; set realtime:endpoint to the service that sends events here.")));
    }
}
