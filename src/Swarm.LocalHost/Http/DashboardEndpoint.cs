using Swarm.Api;
using Swarm.Api.Dashboard;

namespace Swarm.LocalHost.Http;

/// <summary>The local host's route for the dashboard's static files (<see cref="DashboardFiles"/>); not an API route, so it has no permission and no audit record.</summary>
public static class DashboardEndpoint
{
    /// <summary>The route template it maps (GET only).</summary>
    public const string Template = "dashboard/{**path}";

    public static void MapDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + Template, (HttpContext context) =>
        {
            var correlationId = CorrelationIds.FromClient(context.Request.Headers[CorrelationIds.Header].FirstOrDefault());
            return AspNetCoreAdapter.WriteAsync(context, DashboardFiles.Answer(context.Request.Path.Value ?? "/", correlationId));
        }).WithName(DashboardFiles.FunctionName);
}
