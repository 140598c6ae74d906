using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace Swarm.Application.Security.ApiKeys;

/// <summary>
/// Agent API keys look like <c>swk.{keyId}.{secret}</c>: the key id finds the stored record, the 256-bit secret
/// proves possession. Only a hash of the secret is stored. The prefix lets secret scanners recognise leaked keys.
/// </summary>
public static partial class ApiKeyFormat
{
    public const string Prefix = "swk";

    public static (string KeyId, string Secret, string Key) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (keyId, secret, $"{Prefix}.{keyId}.{secret}");
    }

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        var match = key is null ? Match.Empty : Shape().Match(key);
        keyId = match.Success ? match.Groups["id"].Value : string.Empty;
        secret = match.Success ? match.Groups["secret"].Value : string.Empty;
        return match.Success;
    }

    /// <summary>
    /// SHA-256 of the secret. A fast hash is enough here because the secret is 256 random bits, not a password:
    /// there is nothing to guess, so slowing down each guess buys nothing.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    [GeneratedRegex("^swk\\.(?<id>[0-9a-f]{16})\\.(?<secret>[A-Za-z0-9_-]{43})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
