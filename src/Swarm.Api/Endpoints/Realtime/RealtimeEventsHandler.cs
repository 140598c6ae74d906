using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Audit;
using Swarm.Application.Configuration;
using Swarm.Application.Realtime;
using Swarm.Application.Security;
using Swarm.Application.Security.RateLimiting;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// <c>POST /api/v1/realtime/events</c>: Web PubSub's event handler, which the service (or the local stand-in) calls
/// with CloudEvents for each connection: <c>connect</c> (who the caller is, decided here, and its groups),
/// <c>connected</c> and <c>disconnected</c> (presence), and every frame the client sends, which is answered on the
/// same connection by what this returns. Only the service may call it (<see cref="Permissions.ChannelService"/>).
/// </summary>
public sealed partial class RealtimeEventsHandler(
    ApiDispatcher dispatcher,
    ConnectEvent connect,
    ConnectionEvents connections,
    ChannelIdentities identities,
    PrincipalRateLimiter rateLimiter,
    RealtimeTraffic traffic,
    IAuditTrail audit,
    SwarmSettings settings,
    TimeProvider time,
    ILogger<RealtimeEventsHandler> logger) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.Header(CloudEventHeaders.Type) ?? "";
        var connectionId = request.Header(CloudEventHeaders.ConnectionId);
        if (string.IsNullOrEmpty(connectionId))
        {
            return ApiResponse.Problem(Problems.Validation([new(CloudEventHeaders.ConnectionId, "is required on every event.")]));
        }

        switch (type)
        {
            case CloudEventHeaders.ConnectType:
                return await ReadBodyAsync(request, cancellationToken) is { } connectBody
                    ? await connect.HandleAsync(request, connectionId, connectBody, durable, cancellationToken)
                    : ApiResponse.Problem(Problems.PayloadTooLarge(settings.Api.MaxRequestBytes));
            case CloudEventHeaders.ConnectedType:
                await connections.OpenedAsync(request, connectionId, durable, cancellationToken);
                return new ApiResponse(204, null);
            case CloudEventHeaders.DisconnectedType:
                await connections.ClosedAsync(request, connectionId, durable, cancellationToken);
                return new ApiResponse(204, null);
            case var user when user.StartsWith(CloudEventHeaders.UserTypePrefix, StringComparison.Ordinal):
                return await FrameAsync(request, connectionId, user[CloudEventHeaders.UserTypePrefix.Length..], durable, cancellationToken);
            default:
                return ApiResponse.Problem(Problems.Validation([new(CloudEventHeaders.Type, $"'{type}' is not an event of Web PubSub's that this handler takes.")]));
        }
    }

    /// <summary>
    /// One client frame: answered with 200 and an <c>ack</c> or <c>error</c> frame whatever happened, since the body is
    /// what the client receives. The frame runs as its REST twin, as the caller the connection was opened by.
    /// </summary>
    async Task<ApiResponse> FrameAsync(ApiRequest request, string connectionId, string eventName, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        // The caller first: a frame that is refused before its twin runs is still limited and audited as that caller's.
        AuthenticationOutcome caller;
        try
        {
            caller = await identities.ForEventAsync(request.Header(CloudEventHeaders.ConnectionState), connectionId, cancellationToken);
        }
        catch (Exception e) when (DependencyFailures.Is(e))
        {
            // An error frame, not a 503 to the service, which would drop a plain client's connection for a storage blip.
            traffic.FrameIn("unchecked");
            return Reply(FrameReplies.Problem(null, Problems.Unavailable("The swarm could not check this connection's credential; send the frame again shortly.") with { CorrelationId = request.CorrelationId }));
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        var (frame, malformed, id) = body is null
            ? (null, null, (JsonElement?)null)
            : ClientFrame.Read(eventName, body, fromSubprotocolClient: request.Header(CloudEventHeaders.Subprotocol) is { Length: > 0 });
        traffic.FrameIn(body is null ? "oversized" : frame is null ? "malformed" : ClientFrameRoutes.Types.Contains(frame.Type) ? frame.Type : "unknown");
        if (caller.Principal is not { } principal)
        {
            LogFrameRefused(logger, connectionId, frame?.Type ?? "unread", caller.Failure);
            await RecordAsync(request, connectionId, request.Header(CloudEventHeaders.UserId), 401, $"{frame?.Type ?? "unread"} frame: {caller.Failure}");
            return Reply(FrameReplies.Problem(id, Problems.Unauthenticated(caller.Failure!) with { CorrelationId = request.CorrelationId }));
        }

        ProblemDetails? problem = body is null ? Problems.PayloadTooLarge(settings.Api.MaxRequestBytes) : frame is null ? Problems.MalformedBody(malformed!) : null;
        if (frame is not null && ClientFrameRoutes.RequestFor(frame, principal, connectionId, out problem) is var (route, twin))
        {
            return Reply(FrameReplies.From(id, await dispatcher.DispatchAsync(route, twin, durable, cancellationToken, principal)));
        }

        // Refused before any twin ran: limited and audited here, as the dispatcher would have done for a bad request.
        if (rateLimiter.TryAcquire(principal.Subject) is { Allowed: false } rate)
        {
            return Reply(FrameReplies.Problem(id, Problems.RateLimited(rate.RetryAfter) with { CorrelationId = request.CorrelationId }));
        }

        await RecordAsync(request, connectionId, principal.Subject, problem!.Status, $"{frame?.Type ?? "unread"} frame: {problem.Detail}");
        return Reply(FrameReplies.Problem(id, problem with { CorrelationId = request.CorrelationId }));
    }

    Task<bool> RecordAsync(ApiRequest request, string connectionId, string? subject, int status, string detail) =>
        audit.TryAppendAsync(
            AuditRecord.Create(time.GetUtcNow(), subject, "RealtimeFrame", request.Path, AuditOutcomes.ForStatus(status), status, request.CorrelationId, ClientFrameRoutes.AddressOf(connectionId), detail),
            CancellationToken.None);

    ApiResponse Reply(IReadOnlyDictionary<string, object?> frame)
    {
        traffic.Answered(Equals(frame["type"], FrameReplies.Ack));
        return ApiResponse.Ok(frame);
    }

    /// <summary>The event's body, or null when it is over the API's request limit (the same limit as a REST body).</summary>
    Task<byte[]?> ReadBodyAsync(ApiRequest request, CancellationToken cancellationToken) =>
        ApiJson.ReadBytesAsync(request, settings.Api.MaxRequestBytes, cancellationToken);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "A {FrameType} frame on connection {ConnectionId} was refused: {Reason}")]
    static partial void LogFrameRefused(ILogger logger, string connectionId, string frameType, string? reason);
}
