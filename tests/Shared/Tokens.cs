using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Swarm.Tests;

/// <summary>Hand-made tokens, good and bad, for the authentication tests.</summary>
static class Tokens
{
    /// <summary>The secret the unit tests' settings use (<c>TestSettings.Secret</c>).</summary>
    public const string DefaultSecret = "test-secret-that-is-long-enough-for-hs256-0123456789";

    public static string Signed(
        string[] roles,
        string issuer = "swarm",
        string audience = "swarm-api",
        string secret = DefaultSecret,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "tester", ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) carrying admin rights.</summary>
    public static string Unsigned()
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return Part(new { alg = "none", typ = "JWT" }) + "." + Part(new { sub = "x", iss = "swarm", aud = "swarm-api", exp, roles = new[] { "admin" } }) + ".";
    }
}
