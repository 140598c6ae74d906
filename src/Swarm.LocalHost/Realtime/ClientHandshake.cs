using System.Net.WebSockets;

namespace Swarm.LocalHost.Realtime;

/// <summary>
/// How a client becomes a connection: the blocking <c>connect</c> event (when an event handler is registered) decides
/// its user, groups, roles, subprotocol and state, or refuses it with the handler's status; then the socket is accepted,
/// the connection registered, <c>connected</c> delivered, its frames read until it ends, and <c>disconnected</c> delivered.
/// </summary>
public sealed partial class ClientHandshake(LocalWebPubSubHub hub, CloudEventsWriter writer, IWebPubSubUpstream? upstream, ILogger logger)
{
    /// <summary>Whether an event handler is registered (without one no events go out and <c>/ws</c> is refused).</summary>
    public bool HasUpstream => upstream is not null;

    /// <param name="tokenUserId">The token's subject; null for <c>/ws</c> or a token without one.</param>
    /// <param name="claims">The token's claims (empty for <c>/ws</c>); <c>role</c> and <c>webpubsub.group</c> ones give roles and groups.</param>
    /// <param name="plainOnly">True for <c>/ws</c>: anonymous allowed, frames always plain, the service's own subprotocol not offered.</param>
    public async Task<IResult> ConnectAsync(HttpContext http, string? tokenUserId, IReadOnlyDictionary<string, string[]> claims, bool plainOnly, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(claims);
        var connectionId = ClientConnection.NewId();
        var requested = http.WebSockets.WebSocketRequestedProtocols;
        var userId = tokenUserId;
        var roles = claims.GetValueOrDefault("role") ?? [];
        var groups = claims.GetValueOrDefault("webpubsub.group") ?? [];
        string? state = null;
        string? chosen = null;

        if (upstream is not null)
        {
            var request = writer.Write(connectionId, userId, null, null, CloudEventsWriter.ConnectType, UpstreamConnect.Body(claims, http.Request.Query, http.Request.Headers, requested));
            var response = await ConnectionUpstream.CallAsync(upstream, request, hub.Counters, logger, stopping);
            if (response is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The event handler did not answer the connect event.");
            }

            if (!ConnectionUpstream.IsSuccess(response))
            {
                // A refusal (4xx) reaches the client as the handler gave it, as the service passes it on.
                return response.Status is >= 400 and < 500
                    ? Results.Content(System.Text.Encoding.UTF8.GetString(response.Body.Span), response.ContentType ?? "text/plain", System.Text.Encoding.UTF8, response.Status)
                    : Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"The event handler answered the connect event with {response.Status}.");
            }

            var (answer, problem) = UpstreamConnect.Read(response);
            if (answer is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The event handler's connect answer is not usable.", detail: problem);
            }

            userId = answer.UserId ?? userId;
            roles = [.. roles, .. answer.Roles];
            groups = [.. groups, .. answer.Groups];
            state = answer.State;
            chosen = answer.Subprotocol;
        }

        if (userId is null && !plainOnly)
        {
            return Results.Json(new { code = "Unauthorized", message = "Neither the token nor the event handler names a user." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        // The handler's choice when the client asked for it; else the service's own subprotocol when asked for (which the
        // service serves itself). /ws clients speak plain frames, so the service's subprotocol is never theirs.
        var subprotocol = chosen is not null && requested.Contains(chosen, StringComparer.Ordinal) && !(plainOnly && chosen == PubSubFrames.Subprotocol) ? chosen
            : !plainOnly && requested.Contains(PubSubFrames.Subprotocol, StringComparer.Ordinal) ? PubSubFrames.Subprotocol
            : null;
        if (!hub.Connections.TryReserve(userId))
        {
            return Results.Json(new { code = "TooManyConnections", message = $"A user may hold {ConnectionRegistry.MaxConnectionsPerUser} connections." }, statusCode: StatusCodes.Status429TooManyRequests);
        }

        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync(subprotocol);
            using var connection = new ClientConnection(connectionId, userId, subprotocol, roles, state, socket);
            await HoldAsync(connection, groups, stopping);
        }
        finally
        {
            hub.Connections.Unreserve(userId);
        }

        return Results.Empty;
    }

    async Task HoldAsync(ClientConnection connection, IEnumerable<string> groups, CancellationToken stopping)
    {
        hub.Connections.Add(connection);
        foreach (var group in groups.Distinct(StringComparer.Ordinal))
        {
            hub.Groups.Join(group, connection.Id);
        }

        var events = upstream is null ? null : new ConnectionUpstream(upstream, writer, connection, hub.Counters, logger, stopping);
        var reason = "The connection ended.";
        try
        {
            if (connection.IsPubSubClient)
            {
                await hub.SendAsync(connection, PubSubFrames.Connected(connection.UserId, connection.Id), WebSocketMessageType.Text, "system");
            }

            if (events is not null)
            {
                await events.EnqueueAsync(CloudEventsWriter.ConnectedType, new MessagePayload(MessagePayload.Json, "{}"u8.ToArray()), blocking: false, null, stopping);
            }

            reason = await new ClientSession(hub, connection, events).RunAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            reason = "The service is stopping.";
        }
        finally
        {
            hub.Connections.Remove(connection);
            hub.Groups.LeaveAll(connection.Id);
            LogEnded(logger, connection.Id, reason);
            if (events is not null)
            {
                await events.EndAsync(reason);
            }
        }
    }

    [LoggerMessage(EventId = 1584, Level = LogLevel.Debug, Message = "Real-time connection {ConnectionId} ended: {Reason}")]
    static partial void LogEnded(ILogger logger, string connectionId, string reason);
}
