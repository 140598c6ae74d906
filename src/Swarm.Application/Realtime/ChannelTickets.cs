using Swarm.Application.Configuration;
using Swarm.Application.Security;

namespace Swarm.Application.Realtime;

/// <summary>
/// The ticket <c>GET /api/v1/realtime/negotiate</c> puts in the WebSocket URL beside Web PubSub's own token: who the
/// caller is (subject, roles, agent and key), for the channel's <c>connect</c> event, which otherwise learns only a user
/// id. It is a token of this swarm's own for the channel's audience alone (so it opens no REST route) and lives no
/// longer than the URL, nor than the credential it was issued for.
/// </summary>
public static class ChannelTickets
{
    /// <summary>The query parameter of the WebSocket URL that carries the ticket.</summary>
    public const string QueryParameter = "swarm_ticket";

    /// <summary>
    /// When the credential the ticket was issued for ends (Unix seconds), absent for an API key: the connection acts for
    /// that long, while the ticket itself only admits the connection within the URL's minute.
    /// </summary>
    public const string CredentialExpiryClaim = "credential_exp";

    public static string Audience(JwtSettings jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        return jwt.Audience + "/realtime";
    }

    public static string Mint(JwtSettings jwt, SwarmPrincipal principal, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(time);
        var expires = time.GetUtcNow() + lifetime;
        if (principal.ExpiresAt is { } credentialEnds && credentialEnds < expires)
        {
            expires = credentialEnds;
        }

        var claims = principal is { AgentId: { } agentId, KeyId: { } keyId }
            ? new Dictionary<string, object> { [AgentSessionClaims.AgentId] = agentId, [AgentSessionClaims.KeyId] = keyId }
            : [];
        if (principal.ExpiresAt is { } ends)
        {
            claims[CredentialExpiryClaim] = ends.ToUnixTimeSeconds();
        }

        return TokenIssuer.MintFor(jwt, Audience(jwt), principal.Subject, principal.Roles, expires, time, claims);
    }
}
