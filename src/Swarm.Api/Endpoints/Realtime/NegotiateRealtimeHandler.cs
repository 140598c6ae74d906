using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Application.Realtime;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// <c>GET /api/v1/realtime/negotiate</c>: a WebSocket URL on the real-time channel for the caller, with a short-lived
/// token in it (Web PubSub's client protocol). The connection belongs to the caller's subject (<c>agent:{id}</c> for
/// an agent), which is who the swarm's events are addressed to. Beside the service's token the URL carries the
/// swarm's own ticket (<see cref="ChannelTickets"/>), from which the <c>connect</c> event learns the caller's roles.
/// <c>503</c> when no channel is configured or it does not answer.
/// </summary>
public sealed partial class NegotiateRealtimeHandler(SwarmSettings settings, TimeProvider time, ILogger<NegotiateRealtimeHandler> logger, IClientAccessIssuer? channel = null) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (channel is null)
        {
            return ApiResponse.Problem(Problems.Unavailable("The real-time channel is not configured (realtime:endpoint)."));
        }

        var principal = request.Principal!;
        if (RealtimeUsers.For(principal) is not { } userId)
        {
            return ApiResponse.Problem(Problems.NoChannelIdentity($"'{principal.Subject}' cannot be one: {RealtimeUsers.NoIdentity}."));
        }

        ClientAccess access;
        try
        {
            access = await channel.GetClientAccessAsync(userId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The service's own words go to the log, not to the caller.
            LogTokenRefused(logger, e.Message);
            return ApiResponse.Problem(Problems.Unavailable("The real-time channel did not issue a token; try again shortly."));
        }

        // The URL is a credential: it is answered once and never logged or audited.
        var ticket = ChannelTickets.Mint(settings.Security.Jwt, principal, TimeSpan.FromMinutes(settings.Realtime.ClientTokenMinutes), time);
        var url = $"{access.Url}{(access.Url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{ChannelTickets.QueryParameter}={Uri.EscapeDataString(ticket)}";
        return new ApiResponse(200, new ChannelNegotiation(url, access.UserId, access.Hub, access.ExpiresAt));
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "The real-time channel did not issue a client token: {Reason}")]
    static partial void LogTokenRefused(ILogger logger, string reason);
}
