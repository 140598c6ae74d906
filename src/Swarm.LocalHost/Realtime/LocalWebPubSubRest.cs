using Swarm.Adapters.WebPubSub;
using Swarm.Application.Configuration;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// The stand-in's REST API, as Web PubSub's (<c>api-version</c> is accepted and ignored): <c>:send</c> to everyone, a
/// user, a group or a connection (202; bodies of <c>application/json</c>, <c>text/plain</c> or
/// <c>application/octet-stream</c> up to 1 MB; <c>excluded</c> connection ids for everyone and groups), adding (404 for
/// a connection not open here) and removing a connection to a group, a user's <c>:closeConnections</c>, "has the user a
/// connection" and <c>:generateToken</c> (with <c>userId</c>, <c>role</c>, <c>group</c> and <c>minutesToExpire</c>).
/// </summary>
public static class LocalWebPubSubRest
{
    /// <param name="refused">The common checks of every call, in this order: a hub and action served here (404), then a token signed with the access key for the request's URL (401); null when the call may go on.</param>
    public static void Map(WebApplication app, RealtimeSettings realtime, LocalWebPubSubHub standIn, Func<HttpContext, string, bool, Task<IResult?>> refused)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(realtime);
        var endpoint = realtime.Endpoint!.TrimEnd('/');

        app.MapMethods("/api/hubs/{hub}/users/{user}", ["HEAD"], async (HttpContext http, string hub, string user) =>
            await refused(http, hub, true) ?? (standIn.HasConnections(user) ? Results.Ok() : Results.NotFound()));

        app.MapPost("/api/hubs/{hub}/users/{user}/{action}", async (HttpContext http, string hub, string user, string action) =>
        {
            if (await refused(http, hub, action is ":send" or ":closeConnections") is { } refusal)
            {
                return refusal;
            }

            if (action == ":closeConnections")
            {
                await standIn.CloseUserAsync(user, http.Request.Query["reason"].FirstOrDefault());
                return Results.NoContent();
            }

            return await SendAsync(http, payload => standIn.SendToUserAsync(user, payload));
        });

        app.MapPost("/api/hubs/{hub}/{action}", async (HttpContext http, string hub, string action) =>
        {
            if (await refused(http, hub, action is ":generateToken" or ":send") is { } refusal)
            {
                return refusal;
            }

            if (action == ":send")
            {
                return await SendAsync(http, payload => standIn.SendToAllAsync(payload, Excluded(http)));
            }

            var query = http.Request.Query;
            var minutes = int.TryParse(query["minutesToExpire"], out var m) && m is >= 1 and <= 1440 ? m : 60;
            var token = WebPubSubAccessTokens.Sign(realtime.AccessKey!, $"{endpoint}/client/hubs/{hub}", query["userId"].FirstOrDefault(), TimeSpan.FromMinutes(minutes), DateTimeOffset.UtcNow,
                Values(query["role"]), Values(query["group"]));
            return Results.Json(new { token });
        });

        app.MapPost("/api/hubs/{hub}/groups/{group}/{action}", async (HttpContext http, string hub, string group, string action) =>
            await refused(http, hub, action == ":send") ?? await SendAsync(http, payload => standIn.SendToGroupAsync(group, payload, fromUserId: null, Excluded(http), "group")));

        app.MapPost("/api/hubs/{hub}/connections/{connectionId}/{action}", async (HttpContext http, string hub, string connectionId, string action) =>
            await refused(http, hub, action == ":send") ?? await SendAsync(http, async payload => await standIn.SendToConnectionAsync(connectionId, payload) ? 1 : 0));

        app.MapPut("/api/hubs/{hub}/groups/{group}/connections/{connectionId}", async (HttpContext http, string hub, string group, string connectionId) =>
            await refused(http, hub, true) ?? (standIn.AddToGroup(group, connectionId)
                ? Results.Ok()
                : Results.Json(new { code = "NotFound", message = $"Connection '{connectionId}' is not open." }, statusCode: StatusCodes.Status404NotFound)));

        app.MapDelete("/api/hubs/{hub}/groups/{group}/connections/{connectionId}", async (HttpContext http, string hub, string group, string connectionId) =>
        {
            if (await refused(http, hub, true) is { } refusal)
            {
                return refusal;
            }

            standIn.RemoveFromGroup(group, connectionId);
            return Results.Ok();
        });
    }

    /// <summary>Reads the body as the service does and sends it; 415 for a type it does not carry, 413 over 1 MB, 400 for JSON that does not parse.</summary>
    static async Task<IResult> SendAsync(HttpContext http, Func<MessagePayload, Task<int>> send)
    {
        var contentType = http.Request.ContentType;
        var mediaType = contentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/json" or "text/plain" or "application/octet-stream"))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type.", detail: "Send application/json, text/plain or application/octet-stream.");
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (body.Length + read > ClientSession.MaxFrameBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The message is too large.", detail: $"A message may be at most {ClientSession.MaxFrameBytes} bytes.");
            }

            body.Write(buffer, 0, read);
        }

        if (MessagePayload.FromContent(contentType, body.ToArray()) is not { } payload)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: "An application/json message must be one JSON value.");
        }

        await send(payload);
        return Results.Accepted();
    }

    static HashSet<string> Excluded(HttpContext http) => new(Values(http.Request.Query["excluded"]), StringComparer.Ordinal);

    static string[] Values(Microsoft.Extensions.Primitives.StringValues values) => [.. values.OfType<string>().Where(v => v.Length > 0)];
}
