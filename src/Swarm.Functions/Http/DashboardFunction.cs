using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Swarm.Api;
using Swarm.Api.Dashboard;

namespace Swarm.Functions.Http;

/// <summary>
/// The dashboard's static files in the Functions app, from the same embedded copy the local host serves
/// (<see cref="DashboardFiles"/>), so the page deploys with the app and calls its API on the same origin. Anonymous like
/// <c>/health</c>: the files carry no data, and every request the page makes carries its user's token.
/// </summary>
public static class DashboardFunction
{
    [Function(DashboardFiles.FunctionName)]
    public static Task<HttpResponseData> Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var correlationId = CorrelationIds.FromClient(request.Headers.TryGetValues(CorrelationIds.Header, out var values) ? values.FirstOrDefault() : null);
        var answer = DashboardFiles.Answer(request.Url.AbsolutePath, correlationId);
        return FunctionsHttpAdapter.ToHttpResponseAsync(request, answer, request.FunctionContext.CancellationToken);
    }
}
