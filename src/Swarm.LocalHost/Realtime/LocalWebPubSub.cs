using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Swarm.Adapters.WebPubSub;
using Swarm.Application.Configuration;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// A local stand-in for Azure Web PubSub, served by the local host on its REST port when no <c>realtime:endpoint</c> is
/// configured, so the real-time channel runs here with the same client code as in Azure. It speaks the parts of Web
/// PubSub's protocol the swarm uses, with its access-key tokens: <c>POST /api/hubs/{hub}/users/{user}/:send</c> and
/// <c>:closeConnections</c>, <c>HEAD /api/hubs/{hub}/users/{user}</c> (has the user a connection),
/// <c>POST /api/hubs/{hub}/:generateToken</c>, and raw WebSocket clients on
/// <c>/client/hubs/{hub}?access_token=…</c>. Not served: anonymous clients, groups, broadcast, other connection
/// management, subprotocols and upstream events.
/// </summary>
public static class LocalWebPubSub
{
    /// <summary>What the stand-in maps (method, route template). Each checks the channel's own tokens, not the API's.</summary>
    public static IReadOnlyList<(string Method, string Template)> Routes { get; } =
        [("GET", "client/hubs/{hub}"), ("HEAD", "api/hubs/{hub}/users/{user}"), ("POST", "api/hubs/{hub}/users/{user}/{action}"), ("POST", "api/hubs/{hub}/{action}")];

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

    public static void Map(WebApplication app, RealtimeSettings realtime)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(realtime);
        var key = realtime.AccessKey!;

        // Audiences are built from the configured endpoint, as the service's are from its own name, not from the Host
        // header a request happens to carry.
        var endpoint = realtime.Endpoint!.TrimEnd('/');
        app.UseWebSockets();

        // The REST calls' common checks, in this order: a hub and action this stand-in serves (404), then a token
        // signed with the access key for the request's URL (401).
        async Task<IResult?> RefusedAsync(HttpContext http, string hub, bool servedAction = true) =>
            !IsThisHub(hub, realtime) || !servedAction ? Results.NotFound() : await RefusedRequestAsync(http, endpoint, key);

        app.MapGet("/client/hubs/{hub}", async (HttpContext http, string hub, LocalWebPubSubHub connections, IHostApplicationLifetime lifetime) =>
        {
            if (!IsThisHub(hub, realtime) || !http.WebSockets.IsWebSocketRequest)
            {
                return Results.NotFound();
            }

            var token = http.Request.Query["access_token"].FirstOrDefault() ?? Bearer(http);
            var (valid, userId, failure) = await WebPubSubAccessTokens.ValidateAsync(key, token, [$"{endpoint}/client/hubs/{hub}"]);
            if (!valid || userId is null)
            {
                return Refused(failure ?? "the token names no user");
            }

            if (!connections.TryReserve(userId))
            {
                return Results.Json(new { code = "TooManyConnections", message = $"A user may hold {LocalWebPubSubHub.MaxConnectionsPerUser} connections." }, statusCode: StatusCodes.Status429TooManyRequests);
            }

            WebSocket socket;
            try
            {
                socket = await http.WebSockets.AcceptWebSocketAsync();
            }
            catch
            {
                connections.Unreserve(userId);
                throw;
            }

            using (socket)
            {
                await connections.HoldAsync(userId, socket, lifetime.ApplicationStopping);
            }

            return Results.Empty;
        });

        app.MapMethods("/api/hubs/{hub}/users/{user}", ["HEAD"], async (HttpContext http, string hub, string user, LocalWebPubSubHub connections) =>
            await RefusedAsync(http, hub) ?? (connections.HasConnections(user) ? Results.Ok() : Results.NotFound()));

        app.MapPost("/api/hubs/{hub}/users/{user}/{action}", async (HttpContext http, string hub, string user, string action, LocalWebPubSubHub connections) =>
        {
            if (await RefusedAsync(http, hub, action is ":send" or ":closeConnections") is { } refused)
            {
                return refused;
            }

            if (action == ":closeConnections")
            {
                await connections.CloseUserAsync(user, http.Request.Query["reason"].FirstOrDefault());
                return Results.NoContent();
            }

            using var reader = new StreamReader(http.Request.Body);
            await connections.SendToUserAsync(user, await reader.ReadToEndAsync(http.RequestAborted));
            return Results.Accepted();
        });

        app.MapPost("/api/hubs/{hub}/{action}", async (HttpContext http, string hub, string action) =>
        {
            if (await RefusedAsync(http, hub, action == ":generateToken") is { } refused)
            {
                return refused;
            }

            var minutes = int.TryParse(http.Request.Query["minutesToExpire"], out var m) && m is >= 1 and <= 1440 ? m : 60;
            var token = WebPubSubAccessTokens.Sign(key, $"{endpoint}/client/hubs/{hub}", http.Request.Query["userId"].FirstOrDefault(), TimeSpan.FromMinutes(minutes), DateTimeOffset.UtcNow);
            return Results.Json(new { token });
        });
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
