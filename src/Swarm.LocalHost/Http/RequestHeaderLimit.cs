using Swarm.Api;

namespace Swarm.LocalHost.Http;

/// <summary>
/// The limit on a request's headers. Kestrel refuses headers over its own limit with a bare 431 and no body, and has no
/// hook to say more; so Kestrel's limit is set well above <see cref="ApiLimit"/> (to <see cref="TransportLimit"/>) and
/// this middleware, first in the pipeline, answers anything between with the API's problem document, on every route.
/// </summary>
static class RequestHeaderLimit
{
    /// <summary>What the API accepts: Kestrel's own default, far above any token or key the swarm issues.</summary>
    public const int ApiLimit = 32 * 1024;

    /// <summary>What the server reads at all; past this Kestrel still answers with its bare 431.</summary>
    public const int TransportLimit = 1024 * 1024;

    public static IApplicationBuilder UseRequestHeaderLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Size(context.Request.Headers) <= ApiLimit)
            {
                await next(context);
                return;
            }

            var request = AspNetCoreAdapter.ToApiRequest(context);
            var problem = Problems.RequestHeadersTooLarge(ApiLimit) with { Instance = request.Path, CorrelationId = request.CorrelationId };
            await AspNetCoreAdapter.WriteAsync(context, ApiResponse.Problem(problem).WithHeader(CorrelationIds.Header, request.CorrelationId));
        });

    /// <summary>The headers' size as sent: each line is the name, ": ", the value and CRLF.</summary>
    static long Size(IHeaderDictionary headers) =>
        headers.Sum(h => h.Value.Sum(v => (long)h.Key.Length + 4 + (v?.Length ?? 0)));
}
