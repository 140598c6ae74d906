using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Swarm.Tests;

/// <summary>
/// How the tests' fake servers are hosted: a Kestrel app on 127.0.0.1 answering every request with one handler, on a
/// port the operating system picks as it binds, so parallel tests never collide.
/// </summary>
static class LoopbackWebApp
{
    /// <returns>The started app, and its root such as <c>http://127.0.0.1:23456/</c> (always with a trailing slash).</returns>
    public static async Task<(WebApplication App, Uri Root)> StartAsync(RequestDelegate answer, TimeSpan shutdownTimeout)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.WebHost.UseShutdownTimeout(shutdownTimeout);
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
