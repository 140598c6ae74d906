using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Swarm.Application.Configuration;
using Swarm.Application.Security;

namespace Swarm.Application.Realtime;

/// <summary>
/// Tells Web PubSub's event-handler requests (<c>/api/v1/realtime/events</c>) from anyone else's. Each configured way
/// must hold: with an access key, the <c>ce-signature</c> header must carry <c>sha256=hex(HMAC-SHA256(key,
/// connectionId))</c> for the primary or the secondary key (the service signs with both); with an Entra audience, the
/// <c>Authorization</c> header must carry a token from the configured authority, for that audience, whose <c>oid</c>
/// is the Web PubSub resource's managed identity. With both configured both are required: the service then sends both,
/// and a request that lacks either did not come from it.
/// </summary>
/// <remarks>
/// Settings are read at each call rather than once: the local host points them at its own stand-in (endpoint and key)
/// after they are loaded.
/// </remarks>
public sealed class UpstreamRequestAuthenticator : IUpstreamRequestCheck
{
    const string SignaturePrefix = "sha256=";

    // The service sends one signature per key; a header with many more is not from it, and each costs an HMAC.
    const int MaxSignatures = 8;

    readonly RealtimeSettings settings;
    readonly JsonWebTokenHandler tokens = new() { MapInboundClaims = false };
    readonly Lazy<TokenValidationParameters> entra;

    public UpstreamRequestAuthenticator(SwarmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings.Realtime;
        entra = new Lazy<TokenValidationParameters>(EntraParameters);
    }

    /// <summary>
    /// Null when the request provably comes from our Web PubSub service; otherwise why not, in words that name no secret.
    /// </summary>
    /// <param name="connectionId">The <c>ce-connectionId</c> header: what the signature is computed over.</param>
    /// <param name="signatureHeader">The <c>ce-signature</c> header: <c>sha256=&lt;hex&gt;[,sha256=&lt;hex&gt;...]</c>.</param>
    /// <param name="authorizationHeader">The <c>Authorization</c> header: <c>Bearer &lt;Entra token&gt;</c> when the hub's handler authenticates with the service's identity.</param>
    public async Task<string?> RefusalAsync(string? connectionId, string? signatureHeader, string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (settings.AccessKey is null && settings.UpstreamAudience is null)
        {
            // The settings validator refuses an active channel without either; this only guards a host that skipped it.
            return "The event handler has no way to check Web PubSub's requests (realtime:accessKey or realtime:upstreamAudience).";
        }

        if (settings.AccessKey is { } primary && SignatureRefusal(connectionId, signatureHeader, primary, settings.SecondaryAccessKey) is { } badSignature)
        {
            return badSignature;
        }

        return settings.UpstreamAudience is null ? null : await TokenRefusalAsync(authorizationHeader, cancellationToken);
    }

    /// <summary>
    /// The abuse-protection answer (<c>WebHook-Allowed-Origin</c>) to a <c>WebHook-Request-Origin</c>: the origin when it is
    /// our configured Web PubSub endpoint's host (with its port, when the endpoint names one, as the vendor's SDK writes
    /// it), otherwise null, and the handler refuses.
    /// </summary>
    public string? AllowedOrigin(string? webhookRequestOrigin)
    {
        if (string.IsNullOrWhiteSpace(webhookRequestOrigin) || !Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var endpoint))
        {
            return null;
        }

        // The service sends its host name; the stand-in on a loopback port may send host:port. Uri lowercases both.
        var origin = webhookRequestOrigin.Trim();
        return string.Equals(origin, endpoint.Host, StringComparison.OrdinalIgnoreCase) ? endpoint.Host
            : string.Equals(origin, endpoint.Authority, StringComparison.OrdinalIgnoreCase) ? endpoint.Authority
            : null;
    }

    static string? SignatureRefusal(string? connectionId, string? signatureHeader, string primaryKey, string? secondaryKey)
    {
        if (string.IsNullOrEmpty(connectionId))
        {
            return "The request names no connection (ce-connectionId), so its signature cannot be checked.";
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return "The request is not signed (ce-signature).";
        }

        var offered = signatureHeader.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (offered.Length > MaxSignatures)
        {
            return $"The request's ce-signature carries more than {MaxSignatures} signatures.";
        }

        var connection = Encoding.UTF8.GetBytes(connectionId);
        byte[][] expected = secondaryKey is null
            ? [Sign(primaryKey, connection)]
            : [Sign(primaryKey, connection), Sign(secondaryKey, connection)];
        var matched = false;
        foreach (var signature in offered)
        {
            if (!signature.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase) || !TryHex(signature[SignaturePrefix.Length..], out var digest))
            {
                continue;
            }

            foreach (var candidate in expected)
            {
                // Every pair is compared, in constant time, so how long the check takes says nothing about the keys.
                matched |= CryptographicOperations.FixedTimeEquals(digest, candidate);
            }
        }

        return matched ? null : "The request's ce-signature matches none of the configured access keys.";
    }

    // The vendor's SDKs key the HMAC with the access key's UTF-8 bytes as given (not base64-decoded), over the
    // connection id's UTF-8 bytes; the hex may come in either case.
    static byte[] Sign(string key, byte[] connectionId) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), connectionId);

    static bool TryHex(string hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    async Task<string?> TokenRefusalAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string bearer = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return "The request carries no Entra token ('Authorization: Bearer <token>').";
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = await tokens.ValidateTokenAsync(authorizationHeader[bearer.Length..].Trim(), entra.Value);
        if (!result.IsValid)
        {
            return BearerTokenAuthenticator.Reason(result.Exception);
        }

        var caller = result.Claims.TryGetValue("oid", out var oid) ? oid as string : null;
        return caller is not null && settings.UpstreamCallers.Contains(caller, StringComparer.OrdinalIgnoreCase)
            ? null
            : "The token is not the Web PubSub service's own (its 'oid' is not a configured realtime:upstreamCallerIds).";
    }

    TokenValidationParameters EntraParameters()
    {
        var authority = new Uri(settings.UpstreamAuthority!);
        var metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            settings.UpstreamAuthority!.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(BearerTokenAuthenticator.MetadataClient) { RequireHttps = authority.Scheme == Uri.UriSchemeHttps });
        return new TokenValidationParameters
        {
            // Keys, and unless one is configured the issuer, come from the authority's metadata.
            ConfigurationManager = metadata,
            ValidIssuer = settings.UpstreamIssuer,
            ValidAudience = settings.UpstreamAudience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(1),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
        };
    }
}
