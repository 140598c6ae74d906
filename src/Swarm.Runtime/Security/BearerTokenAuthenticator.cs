using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Swarm.Runtime.Configuration;

namespace Swarm.Runtime.Security;

/// <summary>
/// Checks bearer JWTs: HS256 only (so <c>alg: none</c> and algorithm confusion are refused), signature,
/// issuer, audience, and lifetime with a small clock skew. Roles come from the <c>roles</c> claim.
/// </summary>
public sealed class BearerTokenAuthenticator
{
    public const string RolesClaim = "roles";

    readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    readonly TokenValidationParameters parameters;

    public BearerTokenAuthenticator(SwarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var jwt = settings.Security.Jwt;
        parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = SigningKey(jwt),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
        };
    }

    internal static SymmetricSecurityKey SigningKey(JwtSettings jwt) => new(Encoding.UTF8.GetBytes(jwt.Secret!));

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return AuthenticationOutcome.Fail("No Authorization header; send 'Authorization: Bearer <token>'.");
        }

        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Fail("The Authorization header must use the Bearer scheme.");
        }

        var result = await handler.ValidateTokenAsync(authorizationHeader[scheme.Length..].Trim(), parameters);
        if (!result.IsValid)
        {
            return AuthenticationOutcome.Fail(Reason(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        var roles = token.Claims.Where(c => c.Type is RolesClaim or "role").Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        var subject = token.Subject is { Length: > 0 } sub ? sub : "(no subject)";
        return AuthenticationOutcome.Success(new SwarmPrincipal(subject, roles, RolePermissions.For(roles)));
    }

    /// <summary>A reason a client can act on, without the validator's internals.</summary>
    static string Reason(Exception? error) => error switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not accepted.",
        SecurityTokenInvalidAudienceException => "The token's audience is not accepted.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        _ => "The token is not valid.",
    };
}
