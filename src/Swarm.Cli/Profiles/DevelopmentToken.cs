using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Swarm.Cli.Profiles;

/// <summary>
/// A bearer token for a swarm whose signing secret the user holds (the local host's development secret, which
/// <c>./run.sh</c> keeps in <c>.run/jwt-secret</c>): HS256 with the swarm's default issuer and audience and a
/// <c>roles</c> claim, as <c>Swarm.LocalHost mint-token</c> makes it. Minted here so the CLI needs no server project;
/// the secret is read, used and forgotten, and only the token is stored.
/// </summary>
static class DevelopmentToken
{
    public const string Issuer = "swarm";
    public const string Audience = "swarm-api";

    public static string Mint(string secret, string subject, string role, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = subject,
            ["roles"] = new[] { role },
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        }));
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    /// <summary>A token's subject and expiry, read (not verified: the swarm verifies) for <c>swarm profiles</c>; nulls when it is not a JWT.</summary>
    public static (string? Subject, DateTimeOffset? ExpiresAt) Describe(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, null);
        }

        try
        {
            var padded = parts[1].Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            using var payload = JsonDocument.Parse(Convert.FromBase64String(padded));
            var root = payload.RootElement;
            var subject = root.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
            DateTimeOffset? expires = root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
            return (subject, expires);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return (null, null);
        }
    }

    static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
