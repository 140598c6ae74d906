using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Api;
using Swarm.Application.Security;
using Swarm.LocalHost.Durable;
using Swarm.LocalHost.Http;
using Swarm.LocalHost.Realtime;
using Swarm.LocalHost.Reference;
using Swarm.McpServer;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>What the local host's web application actually maps, read from its endpoint data sources.</summary>
public sealed class LocalHostEndpointTests
{
    [Fact]
    public async Task Every_http_endpoint_of_the_local_host_is_a_declared_route_with_a_permission_the_web_pubsub_stand_in_or_the_dashboards_files()
    {
        var configuration = TestSettings.Configuration(("localHost:httpPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var app = LocalHostApp.Create([], configuration, TestSettings.Load());

        // Never started, so it will not remove its socket's temporary directory on shutdown; this test does.
        DurableClientSocket.Remove(app.Services.GetRequiredService<DurableSocketPath>().Value);

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var http = endpoints.Where(e => e.Metadata.GetMetadata<IHostMetadata>()?.Hosts.Contains(DurableClientSocket.HostName) != true).ToList();

        Assert.NotEmpty(endpoints.Except(http));
        var mapped = http.Select(e => (Path: e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])).ToList();

        // The Web PubSub stand-in's routes authenticate with the channel's tokens (RealtimeChannelTests refuses bad ones).
        var standIn = mapped.Where(m => LocalWebPubSub.Routes.Any(r => r.Template == m.Path && m.Methods.SequenceEqual([r.Method]))).ToList();
        Assert.Equal(LocalWebPubSub.Routes.Count, standIn.Count);
        mapped = [.. mapped.Except(standIn)];

        // The API reference page's static files carry no data (the page fetches the OpenAPI document with the user's token).
        var reference = mapped.Where(m => ApiReferencePage.Files.Any(f => f.Path.TrimStart('/') == m.Path && m.Methods.SequenceEqual(["GET"]))).ToList();
        Assert.Equal(ApiReferencePage.Files.Count, reference.Count);
        mapped = [.. mapped.Except(reference)];

        // The dashboard's static files carry no data (every datum comes from the API with the user's token); GET only.
        var dashboard = mapped.Where(m => m.Path == DashboardEndpoint.Template).ToList();
        Assert.Equal([(DashboardEndpoint.Template, (IReadOnlyList<string>)["GET"])], dashboard.Select(d => (d.Path, d.Methods)));
        mapped = [.. mapped.Except(dashboard)];

        // The MCP endpoint: its POST goes through the dispatcher as McpRoutes.Endpoint (McpServerTests refuses it without a
        // credential); GET and DELETE only answer 405.
        var mcp = mapped.Where(m => m.Path == McpRoutes.Endpoint.Template).ToList();
        Assert.Equal(["POST", "GET+DELETE"], mcp.Select(m => string.Join("+", m.Methods)));
        mapped = [.. mapped.Except(mcp)];
        foreach (var (path, methods) in mapped)
        {
            var route = SwarmRoutes.All.SingleOrDefault(r => r.Template == path && methods.Contains(r.Method));
            Assert.True(route is not null, $"The local host maps {string.Join(",", methods)} /{path}, which SwarmRoutes does not declare.");
            Assert.True(route.Permission == Permissions.Anonymous
                ? route.Name is "Health" or "Ready" or "RealtimeHandshake"
                : Permissions.All.Contains(route.Permission) || route.Permission is Permissions.ChannelService or Permissions.Authenticated);
        }

        Assert.Equal(SwarmRoutes.All.Count, mapped.Count);
    }
}
