using Swarm.Api;
using Swarm.Application.Configuration;

namespace Swarm.LocalHost.Http;

/// <summary>
/// Cross-origin access for browser clients of the API (a page served from another origin than the swarm), from
/// <c>api:cors:allowedOrigins</c>. Empty by default: no CORS headers are sent, so a browser refuses every cross-origin
/// read and preflight. The dashboard itself is served by the host it calls and needs none. CORS only tells browsers what
/// they may read; every request still needs its credential and the route's permission.
/// </summary>
public static class BrowserCors
{
    /// <summary>What a browser client sends beyond the simple headers: its credential, a JSON body, an idempotency key, a correlation id.</summary>
    static readonly string[] RequestHeaders = ["Authorization", "Content-Type", "X-Api-Key", "Idempotency-Key", CorrelationIds.Header];

    /// <summary>What a browser client may read of an answer beyond the simple headers.</summary>
    static readonly string[] ResponseHeaders = ["Location", "Retry-After", "Allow", CorrelationIds.Header];

    public static void AddBrowserCors(this IServiceCollection services, ApiCorsSettings cors)
    {
        ArgumentNullException.ThrowIfNull(cors);
        if (cors.Origins.Count == 0)
        {
            return;
        }

        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins([.. cors.Origins])
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ResponseHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }

    /// <summary>Answers preflights (204, before any route) and adds the headers to answers for allowed origins; nothing when no origin is allowed.</summary>
    public static void UseBrowserCors(this WebApplication app, ApiCorsSettings cors)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(cors);
        if (cors.Origins.Count > 0)
        {
            app.UseCors();
        }
    }
}
