using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Swarm.Application.Security.Encryption;

/// <summary>
/// Seals sensitive values stored by the swarm (memory entries, provider credentials) with AES-256-GCM when
/// <c>security:encryptionEnabled</c> is on. <see cref="Protect"/> gives <c>v1.{keyId}.{base64url(nonce | ciphertext | tag)}</c>
/// with a fresh random nonce each call, sealed with the current key. <see cref="Unprotect"/> opens with the key the
/// value names, so values sealed before a key rotation still open as long as the old key stays configured.
/// <para>
/// <c>associatedData</c> binds a value to where it is stored (e.g. <c>memory:{agentId}:{key}</c>): it is not
/// stored in the value, must be passed again to open it, and a value copied to another place does not open there.
/// </para>
/// Thread-safe. Failures to open throw <see cref="SecretProtectionException"/>.
/// </summary>
public sealed partial class SecretProtector
{
    public const string Version = "v1";

    /// <summary>AES-256: keys are exactly this many bytes.</summary>
    public const int KeySize = 32;

    // 96-bit random nonces: the GCM standard size. Random nonces stay safe for about 2^32 values per key, far beyond
    // what a swarm stores between rotations.
    const int NonceSize = 12;
    const int TagSize = 16;

    // Strict: a string with an unpaired surrogate would otherwise be stored as U+FFFD and come back different.
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    /// <param name="currentKeyId">The key new values are sealed with; it must be among <paramref name="keys"/>.</param>
    /// <param name="keys">Key id to 32-byte key. Ids are 1 to 32 letters, digits, '-' or '_'. The keys are copied.</param>
    /// <exception cref="ArgumentException">No keys, an id of the wrong shape, a key that is not 32 bytes (the message names its id), or an unknown current id.</exception>
    public SecretProtector(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(currentKeyId);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is needed.", nameof(keys));
        }

        foreach (var (id, key) in keys)
        {
            // An id of the wrong shape is not echoed: it may be a key pasted in the wrong place.
            if (!IsKeyId(id))
            {
                throw new ArgumentException("Every key id must be 1 to 32 letters, digits, '-' or '_'.", nameof(keys));
            }

            if (key is not { Length: KeySize })
            {
                throw new ArgumentException($"Key '{id}' is {key?.Length ?? 0} bytes; AES-256-GCM needs exactly {KeySize}.", nameof(keys));
            }

            // A copy, so a caller that clears or reuses its array cannot change what this protector seals with.
            this.keys[id] = key.ToArray();
        }

        if (!this.keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException(
                IsKeyId(currentKeyId) ? $"The current key id '{currentKeyId}' is not among the keys." : "The current key id is not among the keys.",
                nameof(currentKeyId));
        }

        CurrentKeyId = currentKeyId;
    }

    /// <summary>The key <see cref="Protect"/> seals with.</summary>
    public string CurrentKeyId { get; }

    /// <summary>True for 1 to 32 letters, digits, '-' or '_'. Never as long as a base64 key (44 characters), so an id is safe to show.</summary>
    public static bool IsKeyId(string? id) => id is not null && KeyIdShape().IsMatch(id);

    /// <summary>Seals <paramref name="plaintext"/> with the current key for <paramref name="associatedData"/>.</summary>
    /// <exception cref="ArgumentException">A string holds an unpaired surrogate, so it could not be stored exactly.</exception>
    public string Protect(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(associatedData);
        var plain = Utf8(plaintext, nameof(plaintext));
        try
        {
            var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
            var nonce = sealedBytes.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);

            // A new AesGcm per call: the type makes no promise about concurrent use of one instance.
            using (var aes = new AesGcm(keys[CurrentKeyId], TagSize))
            {
                aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Utf8(associatedData, nameof(associatedData)));
            }

            return $"{Version}.{CurrentKeyId}.{Base64Url.EncodeToString(sealedBytes)}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Opens a value from <see cref="Protect"/>, with the key it names and the same <paramref name="associatedData"/>.</summary>
    /// <exception cref="SecretProtectionException">The value is malformed, of an unknown version, names an unknown key, or does not authenticate.</exception>
    public string Unprotect(string protectedValue, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentNullException.ThrowIfNull(associatedData);
        var (keyId, sealedBytes) = Parse(protectedValue);

        // The id is shown only now that the whole value has the expected shape: it is then a real sealed value, not a
        // plaintext stored before encryption was turned on whose fragments must not reach a log.
        if (!keys.TryGetValue(keyId, out var key))
        {
            throw new SecretProtectionException(
                SecretProtectionFailure.UnknownKeyId,
                $"The value was sealed with key '{keyId}', which is not configured. Keep a retired key configured until every value sealed with it has been rewritten.");
        }

        var cipherLength = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            using (var aes = new AesGcm(key, TagSize))
            {
                aes.Decrypt(
                    sealedBytes.AsSpan(0, NonceSize),
                    sealedBytes.AsSpan(NonceSize, cipherLength),
                    sealedBytes.AsSpan(NonceSize + cipherLength),
                    plain,
                    Utf8(associatedData, nameof(associatedData)));
            }

            return StrictUtf8.GetString(plain);
        }
        catch (CryptographicException)
        {
            throw new SecretProtectionException(
                SecretProtectionFailure.AuthenticationFailed,
                $"The value sealed with key '{keyId}' did not authenticate: it was altered, belongs to different associated data, or was sealed with a different key under that id.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    static (string KeyId, byte[] Sealed) Parse(string value)
    {
        var firstDot = value.IndexOf('.', StringComparison.Ordinal);
        var version = firstDot < 0 ? value : value[..firstDot];
        if (!string.Equals(version, Version, StringComparison.Ordinal))
        {
            // Only a version-shaped prefix is echoed ("v2"); anything else may be plaintext.
            throw VersionShape().IsMatch(version) && firstDot >= 0
                ? new SecretProtectionException(SecretProtectionFailure.UnknownVersion, $"The value is in format '{version}'; this build reads only '{Version}'. Was it written by a newer version?")
                : Malformed();
        }

        var rest = value.AsSpan(firstDot + 1);
        var secondDot = rest.IndexOf('.');
        if (secondDot < 0 || !IsKeyId(rest[..secondDot].ToString()))
        {
            throw Malformed();
        }

        var payload = rest[(secondDot + 1)..];
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException)
        {
            throw Malformed();
        }

        // Only the encoding Protect writes is accepted (no padding, whitespace or stray low bits), so a value has
        // exactly one spelling and changing any character of it is detected.
        if (sealedBytes.Length < NonceSize + TagSize || !payload.SequenceEqual(Base64Url.EncodeToString(sealedBytes)))
        {
            throw Malformed();
        }

        return (rest[..secondDot].ToString(), sealedBytes);
    }

    static SecretProtectionException Malformed() => new(
        SecretProtectionFailure.Malformed,
        $"The value is not a protected value: expected '{Version}.{{keyId}}.{{base64url}}'. Was it stored before encryption was enabled?");

    static byte[] Utf8(string text, string parameterName)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            // The encoder's message quotes the offending character and its index; the text may be a secret.
            throw new ArgumentException("The text holds an unpaired surrogate, so it cannot be stored exactly.", parameterName);
        }
    }

    // \z, not $: $ also matches before a trailing newline, which would let "k1\n" pass as an id.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdShape();

    [GeneratedRegex("^v[0-9]{1,9}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionShape();
}
