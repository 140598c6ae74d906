using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Swarm.LocalHost.Durable;

namespace Swarm.Functions.WorkerHost.Tests.Host;

/// <summary>
/// A loopback port (cleartext HTTP/2) that forwards every gRPC call to the local host's durable socket (a Unix socket).
/// It stands in for the durable extension's gRPC endpoint, which the Functions host names in every
/// <c>[DurableClient]</c> binding: the worker's client then reaches a real Durable Task runtime (the local host's, on
/// its task hub), speaking the TaskHubSidecarService protocol. It forwards at the HTTP/2 request level rather than byte
/// for byte because the local host serves its sidecar only to requests addressed to
/// <see cref="DurableClientSocket.HostName"/> (a byte relay carried the worker's <c>127.0.0.1:port</c>, which the
/// sidecar's routes answered with an HTTP 404, so every durable call from the worker failed).
/// </summary>
sealed class DurableEndpointRelay : IAsyncDisposable
{
    /// <summary>Request headers HttpClient or Kestrel write themselves, or that HTTP/2 forbids a proxy to copy.</summary>
    static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "host", "content-length", "connection", "transfer-encoding", "keep-alive", "upgrade" };

    readonly WebApplication app;
    readonly HttpClient upstream;

    DurableEndpointRelay(WebApplication app, HttpClient upstream, Uri address)
    {
        this.app = app;
        this.upstream = upstream;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<DurableEndpointRelay> StartAsync(string socketPath)
    {
        var upstream = new HttpClient(DurableClientSocket.Handler(socketPath))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.Run(context => ForwardAsync(context, upstream));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new DurableEndpointRelay(app, upstream, new Uri(address.TrimEnd('/') + "/"));
    }

    static async Task ForwardAsync(HttpContext context, HttpClient upstream)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri($"http://{DurableClientSocket.HostName}{context.Request.Path}{context.Request.QueryString}"))
        {
            Content = new StreamContent(context.Request.Body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        foreach (var (name, values) in context.Request.Headers.Where(h => !HopHeaders.Contains(h.Key) && !h.Key.StartsWith(':')))
        {
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);

        // gRPC's status travels in the trailers.
        foreach (var (name, values) in response.TrailingHeaders)
        {
            context.Response.AppendTrailer(name, values.ToArray());
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(patience.Token);
        await app.DisposeAsync();
        upstream.Dispose();
    }
}
