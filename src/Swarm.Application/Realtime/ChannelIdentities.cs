using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Application.Security.ApiKeys;

namespace Swarm.Application.Realtime;

/// <summary>
/// Who is on the other end of a real-time connection: decided at its <c>connect</c> event by the same authenticator as
/// every REST request, then carried by the connection as a sealed <see cref="ConnectionGrant"/> and checked again on
/// each of its events, so a frame is refused once the credential behind it has expired or its API key is revoked.
/// </summary>
public sealed class ChannelIdentities(BearerTokenAuthenticator authenticator, ApiKeyService apiKeys, RoleGrants grants, SwarmSettings settings, TimeProvider time)
{
    /// <summary>The spec's WebSocket headers: the agent's id and a session token from <c>POST /api/v1/auth/token</c>.</summary>
    public const string AgentIdHeader = "X-Agent-ID";

    public const string SessionHeader = "X-Session-ID";

    public const string HowToConnect =
        $"connect with the URL from GET /api/v1/realtime/negotiate, or (on the local host) to /ws with the headers {AgentIdHeader} and {SessionHeader}";

    /// <summary>
    /// The caller of a <c>connect</c> event: from the negotiated URL's ticket, or from the spec's two headers. When Web
    /// PubSub's own token named a user (<paramref name="tokenUserId"/>), it must be the same caller's.
    /// </summary>
    public async Task<AuthenticationOutcome> AtConnectAsync(string? ticket, string? session, string? agentId, string? tokenUserId, CancellationToken cancellationToken)
    {
        AuthenticationOutcome outcome;
        if (!string.IsNullOrEmpty(ticket))
        {
            outcome = await authenticator.AuthenticateChannelTicketAsync(ticket, cancellationToken);
        }
        else if (!string.IsNullOrEmpty(session))
        {
            outcome = await authenticator.AuthenticateAsync("Bearer " + session, null, cancellationToken);
            if (outcome.Principal is { } principal && (string.IsNullOrEmpty(agentId) || !string.Equals(principal.AgentId, agentId, StringComparison.Ordinal)))
            {
                return AuthenticationOutcome.Fail($"{SessionHeader} must be a session of the agent {AgentIdHeader} names (from POST /api/v1/auth/token).");
            }
        }
        else
        {
            return AuthenticationOutcome.Fail("No credential: " + HowToConnect + ".");
        }

        if (outcome.Principal is not { } caller)
        {
            return outcome;
        }

        if (RealtimeUsers.For(caller) is not { } userId)
        {
            return AuthenticationOutcome.Fail(RealtimeUsers.NoIdentity + ".");
        }

        return tokenUserId is { Length: > 0 } && !string.Equals(tokenUserId, userId, StringComparison.Ordinal)
            ? AuthenticationOutcome.Fail("The channel token and the ticket name different callers.")
            : outcome;
    }

    /// <summary>The connection state that carries <paramref name="principal"/> for <paramref name="connectionId"/>.</summary>
    public string Seal(string connectionId, SwarmPrincipal principal) => ConnectionGrant.For(connectionId, principal).Seal(settings.Security.Jwt);

    /// <summary>The caller behind an event of an open connection, from the state its <c>connect</c> sealed.</summary>
    public async Task<AuthenticationOutcome> ForEventAsync(string? state, string? connectionId, CancellationToken cancellationToken)
    {
        if (ConnectionGrant.Open(settings.Security.Jwt, state, connectionId) is not { } grant)
        {
            return AuthenticationOutcome.Fail("The connection carries no identity the swarm gave it; reconnect (" + HowToConnect + ").");
        }

        if (grant.ExpiresAt is { } ends && ends <= time.GetUtcNow())
        {
            return AuthenticationOutcome.Fail("The credential this connection was opened with has expired; reconnect with a fresh one.");
        }

        if (grant.KeyId is { } keyId && !await apiKeys.IsActiveAsync(keyId, cancellationToken))
        {
            return AuthenticationOutcome.Fail("The API key this connection was opened with has been revoked.");
        }

        return AuthenticationOutcome.Success(grant.ToPrincipal(grants));
    }
}
