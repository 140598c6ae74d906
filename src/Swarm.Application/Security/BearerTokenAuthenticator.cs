using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Swarm.Application.Configuration;
using Swarm.Application.Security.ApiKeys;

namespace Swarm.Application.Security;

/// <summary>
/// Establishes who is calling, from one of three credentials: a bearer JWT (people and services), an agent's API key
/// (<c>Authorization: ApiKey swk...</c> or <c>X-Api-Key</c>), or an agent session JWT minted from a key. JWTs are
/// checked for HS256 only (so <c>alg: none</c> and algorithm confusion are refused), signature, issuer, audience,
/// and lifetime with a small clock skew. An agent session also needs its API key to be unrevoked.
/// </summary>
public sealed class BearerTokenAuthenticator
{
    public const string RolesClaim = "roles";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The subject of a token that names none.</summary>
    public const string NoSubject = "(no subject)";

    // The authority's metadata and keys are small documents; a provider that has not sent them in 10 s is down, and a
    // request waiting on them should fail then rather than after HttpClient's default 100 s. Connections are renewed
    // every 10 minutes so a long-lived client follows the authority's DNS changes.
    internal static readonly HttpClient MetadataClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    readonly TokenValidationParameters parameters;
    readonly TokenValidationParameters? authorityParameters;
    readonly TokenValidationParameters channelParameters;
    readonly ApiKeyService apiKeys;
    readonly RoleGrants grants;

    public BearerTokenAuthenticator(SwarmSettings settings, ApiKeyService apiKeys, RoleGrants grants)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.apiKeys = apiKeys;
        this.grants = grants;
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

        channelParameters = parameters.Clone();
        channelParameters.ValidAudience = Realtime.ChannelTickets.Audience(jwt);

        if (jwt.Authority is { Length: > 0 } authority)
        {
            // Keys and issuer come from the provider's metadata, refreshed by the configuration manager on its own schedule.
            var metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                authority.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(MetadataClient) { RequireHttps = jwt.RequireHttpsMetadata });
            authorityParameters = new TokenValidationParameters
            {
                ConfigurationManager = metadata,
                ValidAudience = jwt.AuthorityAudience,
                ValidAlgorithms = jwt.AuthorityAlgorithms.Length > 0 ? jwt.AuthorityAlgorithms : ["RS256"],
                ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
            };
        }
    }

    internal static SymmetricSecurityKey SigningKey(JwtSettings jwt) => new(Encoding.UTF8.GetBytes(jwt.Secret!));

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, string? apiKeyHeader = null, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(apiKeyHeader))
        {
            return await FromApiKeyAsync(apiKeyHeader.Trim(), cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return AuthenticationOutcome.Fail("No credentials; send 'Authorization: Bearer <token>' (or an agent's API key).");
        }

        const string bearer = "Bearer ";
        const string apiKey = "ApiKey ";
        if (authorizationHeader.StartsWith(apiKey, StringComparison.OrdinalIgnoreCase))
        {
            return await FromApiKeyAsync(authorizationHeader[apiKey.Length..].Trim(), cancellationToken);
        }

        if (!authorizationHeader.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Fail("The Authorization header must use the Bearer or ApiKey scheme.");
        }

        var token = authorizationHeader[bearer.Length..].Trim();
        if (token.StartsWith(ApiKeyFormat.Prefix + ".", StringComparison.Ordinal))
        {
            // Not checked as a key: the client should learn the right scheme, not have a key it mislabelled half-work.
            return AuthenticationOutcome.Fail("That is an agent API key, not a bearer token: send it as 'Authorization: ApiKey <key>' or 'X-Api-Key: <key>', or exchange it at POST /api/v1/auth/token for a bearer token.");
        }

        return await FromBearerAsync(token, cancellationToken);
    }

    /// <summary>
    /// Checks a real-time channel ticket (<see cref="Realtime.ChannelTickets"/>): a token of this swarm's own, for the
    /// channel's audience only, so a ticket that leaks from a WebSocket URL opens no REST route, and a REST token opens
    /// no connection through this door. An agent's ticket needs its API key unrevoked, like its session.
    /// </summary>
    /// <remarks>
    /// The principal's expiry is the credential's the ticket was issued for (<see cref="Realtime.ChannelTickets.CredentialExpiryClaim"/>;
    /// none for an API key), not the ticket's own: the ticket only admits a connection, which then acts as long as that credential.
    /// </remarks>
    public async Task<AuthenticationOutcome> AuthenticateChannelTicketAsync(string? ticket, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ticket))
        {
            return AuthenticationOutcome.Fail("No channel ticket.");
        }

        var outcome = await FromBearerAsync(ticket, cancellationToken, channelParameters);
        if (outcome.Principal is not { } principal)
        {
            return outcome;
        }

        DateTimeOffset? credentialEnds = handler.ReadJsonWebToken(ticket).TryGetPayloadValue<long>(Realtime.ChannelTickets.CredentialExpiryClaim, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return AuthenticationOutcome.Success(principal with { ExpiresAt = credentialEnds });
    }

    async Task<AuthenticationOutcome> FromBearerAsync(string token, CancellationToken cancellationToken, TokenValidationParameters? only = null)
    {
        // Each issuer has its own parameters and its own algorithm allow-list, so a token can never be checked with
        // the other issuer's key type (the HS/RS confusion attack).
        var validation = only ?? (authorityParameters is not null && !IsOwnIssuer(token) ? authorityParameters : parameters);
        var result = await handler.ValidateTokenAsync(token, validation);
        if (!result.IsValid)
        {
            return AuthenticationOutcome.Fail(Reason(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var roles = jwt.Claims.Where(c => c.Type is RolesClaim or "role").Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (jwt.TryGetClaim(AgentSessionClaims.KeyId, out var keyClaim) && jwt.TryGetClaim(AgentSessionClaims.AgentId, out var agentClaim))
        {
            if (!await apiKeys.IsActiveAsync(keyClaim.Value, cancellationToken))
            {
                return AuthenticationOutcome.Fail("The session's API key has been revoked.");
            }

            return AuthenticationOutcome.Success(AgentPrincipal(agentClaim.Value, keyClaim.Value, CredentialKind.AgentSession) with { ExpiresAt = jwt.ValidTo });
        }

        if (roles.Contains(AgentSessionClaims.AgentRole, StringComparer.Ordinal))
        {
            // An agent must be bound to one agent id, which only API keys and the sessions minted from them carry.
            return AuthenticationOutcome.Fail("The agent role is only for agent credentials (an API key or a session exchanged for one).");
        }

        var subject = jwt.Subject is { Length: > 0 } sub ? sub : NoSubject;
        return AuthenticationOutcome.Success(new SwarmPrincipal(subject, roles, grants.For(roles), ExpiresAt: jwt.ValidTo));
    }

    bool IsOwnIssuer(string token)
    {
        try
        {
            return handler.ReadJsonWebToken(token).Issuer == parameters.ValidIssuer;
        }
        catch (ArgumentException)
        {
            // Not a JWT at all: validation with either parameter set will refuse it with a clear reason.
            return true;
        }
    }

    async Task<AuthenticationOutcome> FromApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        var record = await apiKeys.VerifyAsync(key, cancellationToken);
        return record is null
            ? AuthenticationOutcome.Fail("The API key is not valid or has been revoked.")
            : AuthenticationOutcome.Success(AgentPrincipal(record.AgentId, record.KeyId, CredentialKind.ApiKey));
    }

    SwarmPrincipal AgentPrincipal(string agentId, string keyId, CredentialKind credential) =>
        new(AgentSessionClaims.Subject(agentId), [AgentSessionClaims.AgentRole], grants.For([AgentSessionClaims.AgentRole]), credential, agentId, keyId);

    /// <summary>A reason a client can act on, without the validator's internals.</summary>
    internal static string Reason(Exception? error) => error switch
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
