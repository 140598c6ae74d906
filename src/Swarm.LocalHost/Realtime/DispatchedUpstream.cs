using System.Globalization;
using Microsoft.DurableTask.Client;
using Swarm.Api;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// The stand-in's upstream on the local host: each CloudEvent goes to the event handler's route through the same
/// <see cref="ApiDispatcher"/> a request over HTTP would (the service's signature checked, the handler, its audit),
/// in-process, so a frame costs no loopback HTTP round trip.
/// </summary>
public sealed class DispatchedUpstream(ApiDispatcher dispatcher, DurableTaskClient durable) : IWebPubSubUpstream
{
    public async Task<UpstreamResponse> DeliverAsync(UpstreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = SwarmRoutes.RealtimeEvents;
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = request.ContentType,
            ["Content-Length"] = request.Body.Length.ToString(CultureInfo.InvariantCulture),
        };
        var apiRequest = new ApiRequest
        {
            Method = route.Method,
            Path = "/" + route.Template,
            Headers = headers,
            Body = new MemoryStream(request.Body.ToArray(), writable: false),
            ClientAddress = "127.0.0.1",
            CorrelationId = CorrelationIds.FromClient(null),
        };

        var response = await dispatcher.DispatchAsync(route, apiRequest, durable, cancellationToken);
        using var body = new MemoryStream();
        await response.WriteBodyAsync(body, cancellationToken);
        return new UpstreamResponse(response.Status, response.Headers, body.ToArray(), response.Body is null ? null : response.ContentType);
    }
}
