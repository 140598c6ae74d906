using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Swarm.Adapters.WebPubSub;
using Swarm.Application.Configuration;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// A local stand-in for Azure Web PubSub, served by the local host on its REST port when no <c>realtime:endpoint</c> is
/// configured, so the real-time channel runs here with the same client code as in Azure. Served, with the service's
/// access-key tokens: clients on <c>/client/hubs/{hub}?access_token=…</c>, plain or with the <c>json.webpubsub.azure.v1</c>
/// subprotocol (join, leave, publish to groups by role, events, acks); anonymous spec clients on <c>/ws</c>, admitted by
/// the event handler; the event handler's CloudEvents (<c>connect</c>, <c>connected</c>, user events, <c>disconnected</c>)
/// through <see cref="IWebPubSubUpstream"/> when one is registered; and the REST calls <c>:send</c> to everyone, a user,
/// a group or a connection, <c>:closeConnections</c> of a user, adding and removing a connection to a group, "has the user
/// a connection" and <c>:generateToken</c> (with roles and groups). Not served: the reliable and protobuf subprotocols,
/// <c>sendToGroup</c> mode, invocations and streams, permissions granted over REST, the other connection management
/// calls, and more than one access key.
/// </summary>
public static class LocalWebPubSub
{
    /// <summary>What the stand-in maps (method, route template). Each checks the channel's own tokens or the event handler, not the API's.</summary>
    public static IReadOnlyList<(string Method, string Template)> Routes { get; } =
    [
        ("GET", "client/hubs/{hub}"),
        ("GET", "ws"),
        ("HEAD", "api/hubs/{hub}/users/{user}"),
        ("POST", "api/hubs/{hub}/users/{user}/{action}"),
        ("POST", "api/hubs/{hub}/{action}"),
        ("POST", "api/hubs/{hub}/groups/{group}/{action}"),
        ("POST", "api/hubs/{hub}/connections/{connectionId}/{action}"),
        ("PUT", "api/hubs/{hub}/groups/{group}/connections/{connectionId}"),
        ("DELETE", "api/hubs/{hub}/groups/{group}/connections/{connectionId}"),
    ];

    /// <summary>Points the settings at this host's stand-in, with the configured key or a fresh random one; false if the channel is off or configured elsewhere.</summary>
    public static bool ServeHere(RealtimeSettings realtime, int httpPort)
    {
        ArgumentNullException.ThrowIfNull(realtime);
        if (!realtime.Enabled || realtime.Active)
        {
            return false;
        }

        realtime.Endpoint = $"http://127.0.0.1:{httpPort}";
        realtime.AccessKey ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return true;
    }

    /// <summary>
    /// Maps the stand-in. Its event handler is the <see cref="IWebPubSubUpstream"/> in the app's services, if any:
    /// without one no events go out, clients are admitted on their token alone and <c>/ws</c> is refused.
    /// </summary>
    public static void Map(WebApplication app, RealtimeSettings realtime)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(realtime);
        var key = realtime.AccessKey!;

        // Audiences are built from the configured endpoint, as the service's are from its own name, not from the Host
        // header a request happens to carry.
        var endpoint = realtime.Endpoint!.TrimEnd('/');
        var hub = app.Services.GetRequiredService<LocalWebPubSubHub>();
        var time = app.Services.GetService<TimeProvider>() ?? TimeProvider.System;
        var handshake = new ClientHandshake(hub, new CloudEventsWriter(realtime.Hub, key, time), app.Services.GetService<IWebPubSubUpstream>(), app.Services.GetRequiredService<ILogger<LocalWebPubSubHub>>());
        app.UseWebSockets();

        app.MapGet("/client/hubs/{hub}", async (HttpContext http, string hub, IHostApplicationLifetime lifetime) =>
        {
            if (!IsThisHub(hub, realtime) || !http.WebSockets.IsWebSocketRequest)
            {
                return Results.NotFound();
            }

            var token = http.Request.Query["access_token"].FirstOrDefault() ?? Bearer(http);
            var (claims, failure) = await WebPubSubAccessTokens.ValidateClaimsAsync(key, token, [$"{endpoint}/client/hubs/{hub}", $"{endpoint}/client/hubs/{hub}/"]);
            if (claims is null)
            {
                return Refused(failure!);
            }

            var userId = claims.GetValueOrDefault("sub")?.FirstOrDefault();
            return await handshake.ConnectAsync(http, userId, claims, plainOnly: false, lifetime.ApplicationStopping);
        });

        app.MapGet("/ws", async (HttpContext http, IHostApplicationLifetime lifetime) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.Headers.Upgrade = "websocket";
                return Results.Problem(
                    statusCode: StatusCodes.Status426UpgradeRequired,
                    title: "This endpoint takes WebSocket connections only.",
                    detail: "Open a WebSocket (GET with 'Connection: Upgrade' and 'Upgrade: websocket') to /ws, with your X-Agent-ID and X-Session-ID headers; the swarm's event handler admits or refuses the connection. Authenticated clients use the URL from GET /api/v1/realtime/negotiate instead.");
            }

            if (!handshake.HasUpstream)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No event handler admits /ws connections here.", detail: "Connect with the URL from GET /api/v1/realtime/negotiate.");
            }

            return await handshake.ConnectAsync(http, tokenUserId: null, new Dictionary<string, string[]>(), plainOnly: true, lifetime.ApplicationStopping);
        });

        LocalWebPubSubRest.Map(app, realtime, hub, (http, hubName, served) =>
            !IsThisHub(hubName, realtime) || !served ? Task.FromResult<IResult?>(Results.NotFound()) : RefusedRequestAsync(http, endpoint, key));
    }

    static bool IsThisHub(string hub, RealtimeSettings realtime) => string.Equals(hub, realtime.Hub, StringComparison.OrdinalIgnoreCase);

    /// <summary>REST calls carry a token signed with the access key whose audience is the request's URL (with or without its query, as SDKs differ).</summary>
    static async Task<IResult?> RefusedRequestAsync(HttpContext http, string endpoint, string key)
    {
        var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var url = endpoint + target;
        var withoutQuery = url.Split('?')[0];
        var (valid, _, failure) = await WebPubSubAccessTokens.ValidateAsync(key, Bearer(http), [url, withoutQuery]);
        return valid ? null : Refused(failure!);
    }

    static string? Bearer(HttpContext http) =>
        http.Request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;

    static IResult Refused(string reason) =>
        Results.Json(new { code = "Unauthorized", message = reason }, statusCode: StatusCodes.Status401Unauthorized);
}
