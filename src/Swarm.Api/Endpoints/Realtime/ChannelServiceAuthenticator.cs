using Swarm.Application.Realtime;
using Swarm.Application.Security;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// Authenticates the real-time service itself on the event handler's route: by its signature over the connection id,
/// or its Entra token (<see cref="IUpstreamRequestCheck"/>). The principal it yields holds only
/// <see cref="Permissions.ChannelService"/>; each frame then runs as the connection's own caller. Without a check
/// (the channel is off) every such request is refused.
/// </summary>
public sealed class ChannelServiceAuthenticator(IUpstreamRequestCheck? check = null)
{
    public const string Subject = "realtime-service";

    static readonly SwarmPrincipal Service = new(Subject, [], new HashSet<string>(StringComparer.Ordinal) { Permissions.ChannelService });

    public async Task<AuthenticationOutcome> AuthenticateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (check is null)
        {
            return AuthenticationOutcome.Fail("The real-time channel is not configured here, so no event handler requests are taken.");
        }

        var refusal = await check.RefusalAsync(
            request.Header(CloudEventHeaders.ConnectionId), request.Header(CloudEventHeaders.Signature), request.Header("Authorization"), cancellationToken);
        return refusal is null ? AuthenticationOutcome.Success(Service) : AuthenticationOutcome.Fail(refusal);
    }
}
