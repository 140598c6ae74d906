using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Swarm.Adapters.WebPubSub;

/// <summary>
/// Azure Web PubSub's access-key tokens: HS256 JWTs signed with the hub's access key, whose audience is the URL they
/// are for (a REST request's URL, or <c>{endpoint}/client/hubs/{hub}</c> for a client connection) and whose subject is
/// the client's user id. This is what the vendor's SDKs sign; the local stand-in checks the same tokens.
/// </summary>
public static class WebPubSubAccessTokens
{
    /// <param name="roles">Client permissions (<c>role</c> claims, e.g. <c>webpubsub.joinLeaveGroup.g</c>), as the service's <c>:generateToken</c> adds them.</param>
    /// <param name="groups">Groups the client joins on connecting (<c>webpubsub.group</c> claims).</param>
    public static string Sign(string accessKey, string audience, string? userId, TimeSpan lifetime, DateTimeOffset now, IReadOnlyCollection<string>? roles = null, IReadOnlyCollection<string>? groups = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        var claims = new Dictionary<string, object>();
        if (userId is not null)
        {
            claims[JwtRegisteredClaimNames.Sub] = userId;
        }

        if (roles is { Count: > 0 })
        {
            claims["role"] = roles.ToArray();
        }

        if (groups is { Count: > 0 })
        {
            claims["webpubsub.group"] = groups.ToArray();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key(accessKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The token's subject (null if it has none) when it is signed with the key for one of the audiences and unexpired; otherwise why not.</summary>
    public static async Task<(bool Valid, string? UserId, string? Failure)> ValidateAsync(string accessKey, string? token, IReadOnlyList<string> audiences)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (false, null, "no access token");
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(accessKey, audiences));
        if (!result.IsValid)
        {
            return (false, null, result.Exception?.Message ?? "invalid token");
        }

        return (true, result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) ? sub as string : null, null);
    }

    /// <summary>
    /// Every claim of a valid token by type, each with its values (a JSON array claim gives several), as Web PubSub hands
    /// them to the <c>connect</c> event; null with why when the token is not valid for one of the audiences.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, string[]>? Claims, string? Failure)> ValidateClaimsAsync(string accessKey, string? token, IReadOnlyList<string> audiences)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, "no access token");
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(accessKey, audiences));
        if (!result.IsValid)
        {
            return (null, result.Exception?.Message ?? "invalid token");
        }

        var claims = result.ClaimsIdentity.Claims.GroupBy(c => c.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Value).ToArray(), StringComparer.Ordinal);
        return (claims, null);
    }

    static TokenValidationParameters Parameters(string accessKey, IReadOnlyList<string> audiences) => new()
    {
        IssuerSigningKey = Key(accessKey),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = false,
        ValidAudiences = audiences,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    // The SDKs sign with the key's UTF-8 bytes as given, not base64-decoded.
    static SymmetricSecurityKey Key(string accessKey) => new(Encoding.UTF8.GetBytes(accessKey));
}
