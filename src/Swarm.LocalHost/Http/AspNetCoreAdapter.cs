using Microsoft.DurableTask.Client;
using Swarm.Api;
using Swarm.McpServer;

namespace Swarm.LocalHost.Http;

/// <summary>Serves <see cref="SwarmRoutes"/> from ASP.NET Core: copies each request into an <see cref="ApiRequest"/> and writes the <see cref="ApiResponse"/> back.</summary>
static class AspNetCoreAdapter
{
    public static void MapSwarmRoutes(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in SwarmRoutes.All)
        {
            endpoints.MapMethods("/" + route.Template, [route.Method], (HttpContext context) => ServeAsync(route, context))
                .WithName(route.Name);
        }

        // The MCP endpoint: POST through the dispatcher like any route; GET and DELETE answered 405 (a stateless server).
        endpoints.MapMethods("/" + McpRoutes.Endpoint.Template, ["POST"], (HttpContext context) => ServeAsync(McpRoutes.Endpoint, context))
            .WithName(McpRoutes.Endpoint.Name);
        endpoints.MapMethods("/" + McpRoutes.Endpoint.Template, ["GET", "DELETE"], (HttpContext context) =>
            WriteAsync(context, McpRoutes.MethodNotAllowed(context.Request.Method, CorrelationIds.FromClient(context.Request.Headers[CorrelationIds.Header].FirstOrDefault()))));
    }

    static async Task ServeAsync(ApiRoute route, HttpContext context)
    {
        var services = context.RequestServices;
        var response = await services.GetRequiredService<ApiDispatcher>()
            .DispatchAsync(route, ToApiRequest(context), services.GetRequiredService<DurableTaskClient>(), context.RequestAborted);
        await WriteAsync(context, response);
    }

    public static ApiRequest ToApiRequest(HttpContext context)
    {
        var request = context.Request;
        return new ApiRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            RouteValues = request.RouteValues.ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = new ClientBodyStream(request.Body),
            ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
            CorrelationId = CorrelationIds.FromClient(request.Headers[CorrelationIds.Header].FirstOrDefault()),
        };
    }

    public static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await response.WriteBodyAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
