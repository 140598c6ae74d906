using System.Buffers.Text;
using System.Security.Cryptography;
using Swarm.Application.Configuration;

namespace Swarm.Application.Security.Encryption;

/// <summary>
/// Builds a <see cref="SecretProtector"/> from the <c>security:encryptionKeys</c> setting:
/// <c>"k2:BASE64KEY;k1:BASE64KEY"</c>, one <c>id:key</c> entry per key, separated by ';'. The first entry is the
/// current key (new values are sealed with it); the others only open older values, so rotate by putting a new key
/// first and keeping the old ones until every value sealed with them has been rewritten. Keys are 32 random bytes
/// in base64 or base64url (<c>openssl rand -base64 32</c>). Problems name the entry and key id, never the key.
/// </summary>
public static class SecretProtectorFactory
{
    public const string SettingKey = "security:encryptionKeys";

    /// <exception cref="SwarmConfigurationException">The setting is empty or an entry is not a usable key; <see cref="SwarmConfigurationException.Problems"/> lists each.</exception>
    public static SecretProtector FromSetting(string? encryptionKeys)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            var problems = Parse(encryptionKeys, keys, out var currentKeyId);
            if (problems.Count > 0)
            {
                throw new SwarmConfigurationException(problems);
            }

            return new SecretProtector(currentKeyId!, keys);
        }
        finally
        {
            // The protector keeps its own copies; these need not outlive the call.
            foreach (var key in keys.Values)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    /// <summary>Every problem with the setting, each starting with its key; empty when it is usable. For the settings validator.</summary>
    public static IReadOnlyList<string> Validate(string? encryptionKeys)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var problems = Parse(encryptionKeys, keys, out _);
        foreach (var key in keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return problems;
    }

    static List<string> Parse(string? setting, Dictionary<string, byte[]> keys, out string? currentKeyId)
    {
        currentKeyId = null;
        var problems = new List<string>();
        var entries = (setting ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            problems.Add($"'{SettingKey}' is empty; with security:encryptionEnabled it must list at least one key as 'id:base64key' (make a key with 'openssl rand -base64 32').");
            return problems;
        }

        var firstEntryOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var number = i + 1;

            // No message below quotes an entry or a key: the only part of an entry ever shown is a well-formed id,
            // which at 32 characters at most cannot be a 32-byte key in base64 (44 characters).
            var colon = entries[i].IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                problems.Add($"'{SettingKey}' entry {number} is not 'id:base64key'.");
                continue;
            }

            var id = entries[i][..colon].Trim();
            if (!SecretProtector.IsKeyId(id))
            {
                problems.Add($"'{SettingKey}' entry {number} has a key id that is not 1 to 32 letters, digits, '-' or '_' (is the entry written key first?).");
                continue;
            }

            if (firstEntryOf.TryGetValue(id, out var first))
            {
                problems.Add($"'{SettingKey}' key id '{id}' appears more than once (entries {first} and {number}).");
                continue;
            }

            firstEntryOf[id] = number;
            if (Decode(entries[i][(colon + 1)..].Trim()) is not { } key)
            {
                problems.Add($"'{SettingKey}' key '{id}' (entry {number}) is not valid base64.");
                continue;
            }

            if (key.Length != SecretProtector.KeySize)
            {
                problems.Add($"'{SettingKey}' key '{id}' (entry {number}) is {key.Length} bytes; AES-256-GCM needs exactly {SecretProtector.KeySize} (make one with 'openssl rand -base64 32').");
                CryptographicOperations.ZeroMemory(key);
                continue;
            }

            keys[id] = key;
            currentKeyId ??= id;
        }

        return problems;
    }

    /// <summary>Standard base64 (what openssl prints) or base64url; null if it is neither.</summary>
    static byte[]? Decode(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            var key = buffer[..written];
            CryptographicOperations.ZeroMemory(buffer);
            return key;
        }

        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
