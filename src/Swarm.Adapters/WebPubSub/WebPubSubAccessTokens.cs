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
    public static string Sign(string accessKey, string audience, string? userId, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        var claims = new Dictionary<string, object>();
        if (userId is not null)
        {
            claims[JwtRegisteredClaimNames.Sub] = userId;
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

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = Key(accessKey),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidAudiences = audiences,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid)
        {
            return (false, null, result.Exception?.Message ?? "invalid token");
        }

        return (true, result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) ? sub as string : null, null);
    }

    // The SDKs sign with the key's UTF-8 bytes as given, not base64-decoded.
    static SymmetricSecurityKey Key(string accessKey) => new(Encoding.UTF8.GetBytes(accessKey));
}
