using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Swarm.Adapters.WebPubSub;
using Swarm.Application.Configuration;
using Swarm.LocalHost.Realtime;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests.StandIn;

/// <summary>
/// The Web PubSub stand-in alone, in-process on a loopback Kestrel app, with a recording event handler or none: what the
/// local host maps, without Azurite or the swarm.
/// </summary>
sealed class StandInHost : IAsyncDisposable
{
    public const string AccessKey = "stand-in-test-key-0123456789-abcdefghij";
    public const string Hub = "swarm";

    StandInHost(WebApplication app, string endpoint, RecordingUpstream? upstream)
    {
        App = app;
        Endpoint = endpoint;
        Upstream = upstream;
        Http = new HttpClient { BaseAddress = new Uri(endpoint + "/") };
    }

    public WebApplication App { get; }

    public string Endpoint { get; }

    public RecordingUpstream? Upstream { get; }

    public HttpClient Http { get; }

    public LocalWebPubSubHub Connections => App.Services.GetRequiredService<LocalWebPubSubHub>();

    public string ConnectionString => $"Endpoint={Endpoint};AccessKey={AccessKey};Version=1.0;";

    public static async Task<StandInHost> StartAsync(bool withUpstream = true)
    {
        var port = FreePorts.Next();
        var realtime = new RealtimeSettings { AccessKey = AccessKey, Hub = Hub };
        LocalWebPubSub.ServeHere(realtime, port);
        var upstream = withUpstream ? new RecordingUpstream(AccessKey, Hub) : null;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<LocalWebPubSubHub>();
        if (upstream is not null)
        {
            builder.Services.AddSingleton<IWebPubSubUpstream>(upstream);
        }

        var app = builder.Build();
        LocalWebPubSub.Map(app, realtime);
        await app.StartAsync();
        return new StandInHost(app, realtime.Endpoint!, upstream);
    }

    /// <summary>A client URL for the user with the roles, as <c>:generateToken</c> would sign it.</summary>
    public string ClientUrl(string userId, params string[] roles) =>
        $"ws://{new Uri(Endpoint).Authority}/client/hubs/{Hub}?access_token=" +
        WebPubSubAccessTokens.Sign(AccessKey, $"{Endpoint}/client/hubs/{Hub}", userId, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow, roles);

    /// <summary>A REST request signed as the SDKs sign it: a token whose audience is the URL.</summary>
    public async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var url = $"{Endpoint}/{path}";
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new("Bearer", WebPubSubAccessTokens.Sign(AccessKey, url, null, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow));
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
