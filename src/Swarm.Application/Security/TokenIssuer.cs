using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Swarm.Application.Configuration;

namespace Swarm.Application.Security;

/// <summary>Mints HS256 tokens with the configured secret: the development admin token <c>./run.sh</c> prints, and tokens for other roles.</summary>
public static class TokenIssuer
{
    public static string Mint(JwtSettings jwt, string subject, IReadOnlyList<string> roles, TimeSpan lifetime, TimeProvider time) =>
        Mint(jwt, subject, roles, lifetime, time, extraClaims: null);

    /// <summary>A token like <see cref="Mint(JwtSettings, string, IReadOnlyList{string}, TimeSpan, TimeProvider)"/> for another audience of this swarm's (a channel ticket).</summary>
    internal static string MintFor(JwtSettings jwt, string audience, string subject, IReadOnlyList<string> roles, DateTimeOffset expires, TimeProvider time, Dictionary<string, object>? extraClaims) =>
        Mint(jwt, subject, roles, expires - time.GetUtcNow(), time, extraClaims, audience);

    /// <summary>A session for an agent, bound to the API key it was exchanged for.</summary>
    public static string MintAgentSession(JwtSettings jwt, string agentId, string keyId, TimeSpan lifetime, TimeProvider time) =>
        Mint(jwt, AgentSessionClaims.Subject(agentId), [AgentSessionClaims.AgentRole], lifetime, time, new Dictionary<string, object>
        {
            [AgentSessionClaims.AgentId] = agentId,
            [AgentSessionClaims.KeyId] = keyId,
        });

    static string Mint(JwtSettings jwt, string subject, IReadOnlyList<string> roles, TimeSpan lifetime, TimeProvider time, Dictionary<string, object>? extraClaims, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = audience ?? jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>(extraClaims ?? [])
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [BearerTokenAuthenticator.RolesClaim] = roles.ToArray(),
            },
            SigningCredentials = new SigningCredentials(BearerTokenAuthenticator.SigningKey(jwt), SecurityAlgorithms.HmacSha256),
        });
    }
}
