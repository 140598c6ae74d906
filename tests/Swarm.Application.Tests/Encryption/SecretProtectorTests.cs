using System.Buffers.Text;
using System.Security.Cryptography;
using Swarm.Application.Security.Encryption;

namespace Swarm.Application.Tests.Encryption;

public sealed class SecretProtectorTests
{
    const string Slot = "memory:queen-1:api-notes";

    static readonly byte[] K1 = RandomNumberGenerator.GetBytes(32);
    static readonly byte[] K2 = RandomNumberGenerator.GetBytes(32);

    static SecretProtector Protector(string currentKeyId, params (string Id, byte[] Key)[] keys) =>
        new(currentKeyId, keys.ToDictionary(k => k.Id, k => k.Key));

    readonly SecretProtector protector = Protector("k1", ("k1", K1));

    [Theory]
    [InlineData("")]
    [InlineData("sk-live-0123456789")]
    [InlineData("héllo ✓ 🔐 \u0000 line\nbreak")]
    public void A_protected_value_opens_to_its_plaintext(string plaintext)
    {
        var sealedValue = protector.Protect(plaintext, Slot);

        var opened = protector.Unprotect(sealedValue, Slot);

        Assert.Equal(plaintext, opened);
    }

    [Fact]
    public void A_large_value_round_trips()
    {
        var plaintext = string.Concat(Enumerable.Repeat("0123456789abcdef", 64 * 1024));

        var opened = protector.Unprotect(protector.Protect(plaintext, Slot), Slot);

        Assert.Equal(plaintext, opened);
    }

    [Fact]
    public void A_protected_value_names_the_version_and_key_and_holds_nonce_ciphertext_and_tag()
    {
        var sealedValue = protector.Protect("secret", Slot);

        var parts = sealedValue.Split('.');
        var payload = Base64Url.DecodeFromChars(parts[2]);

        Assert.Equal(["v1", "k1"], parts[..2]);
        Assert.Equal(12 + "secret".Length + 16, payload.Length);
        Assert.DoesNotContain("secret", sealedValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Protecting_the_same_plaintext_twice_gives_different_values()
    {
        var first = protector.Protect("same secret", Slot);
        var second = protector.Protect("same secret", Slot);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Split('.')[2][..16], second.Split('.')[2][..16]);
    }

    [Fact]
    public void Flipping_any_bit_of_the_sealed_bytes_fails_authentication()
    {
        var parts = protector.Protect("transfer 100 credits", Slot).Split('.');
        var payload = Base64Url.DecodeFromChars(parts[2]);

        for (var i = 0; i < payload.Length; i++)
        {
            var tampered = payload.ToArray();
            tampered[i] ^= 0x01;
            var value = $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(tampered)}";

            var error = Assert.Throws<SecretProtectionException>(() => protector.Unprotect(value, Slot));

            Assert.Equal(SecretProtectionFailure.AuthenticationFailed, error.Failure);
        }
    }

    [Fact]
    public void Changing_any_character_of_the_value_is_detected()
    {
        var sealedValue = protector.Protect("s", Slot);

        for (var i = 0; i < sealedValue.Length; i++)
        {
            var replacement = sealedValue[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(sealedValue.AsSpan(0, i), replacement.ToString(), sealedValue.AsSpan(i + 1));

            Assert.Throws<SecretProtectionException>(() => protector.Unprotect(tampered, Slot));
        }
    }

    [Fact]
    public void Different_associated_data_fails_authentication()
    {
        var sealedValue = protector.Protect("secret", "memory:queen-1:a");

        var error = Assert.Throws<SecretProtectionException>(() => protector.Unprotect(sealedValue, "memory:queen-1:b"));

        Assert.Equal(SecretProtectionFailure.AuthenticationFailed, error.Failure);
    }

    [Fact]
    public void A_different_key_under_the_same_id_fails_authentication()
    {
        var sealedValue = protector.Protect("secret", Slot);
        var impostor = Protector("k1", ("k1", K2));

        var error = Assert.Throws<SecretProtectionException>(() => impostor.Unprotect(sealedValue, Slot));

        Assert.Equal(SecretProtectionFailure.AuthenticationFailed, error.Failure);
    }

    [Fact]
    public void After_rotation_new_values_use_the_new_key_and_old_values_still_open()
    {
        var old = Protector("k1", ("k1", K1)).Protect("from before", Slot);
        var rotated = Protector("k2", ("k2", K2), ("k1", K1));

        var opened = rotated.Unprotect(old, Slot);
        var fresh = rotated.Protect("from after", Slot);

        Assert.Equal("from before", opened);
        Assert.StartsWith("v1.k2.", fresh, StringComparison.Ordinal);
        Assert.Equal("from after", rotated.Unprotect(fresh, Slot));
    }

    [Fact]
    public void A_value_sealed_with_a_key_no_longer_held_names_that_key()
    {
        var old = protector.Protect("secret", Slot);
        var withoutK1 = Protector("k2", ("k2", K2));

        var error = Assert.Throws<SecretProtectionException>(() => withoutK1.Unprotect(old, Slot));

        Assert.Equal(SecretProtectionFailure.UnknownKeyId, error.Failure);
        Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_a_newer_version_is_refused_as_such()
    {
        var payload = protector.Protect("secret", Slot).Split('.')[2];

        var error = Assert.Throws<SecretProtectionException>(() => protector.Unprotect("v2.k1." + payload, Slot));

        Assert.Equal(SecretProtectionFailure.UnknownVersion, error.Failure);
        Assert.Contains("'v2'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> MalformedValues()
    {
        var payload = new SecretProtector("k1", new Dictionary<string, byte[]> { ["k1"] = K1 }).Protect("secret", Slot).Split('.')[2];
        return new TheoryData<string>
        {
            "",
            "hunter2",
            "v1",
            "v1.",
            "v1.k1",
            "v1.k1.",
            "v1..AAAA",
            "v1.k1.!!!!",
            "v1.k1.AAAA",                                    // shorter than nonce and tag
            "v1.k1." + Convert.ToBase64String(new byte[40]),  // padded base64, not base64url
            "v1.k1." + payload + "=",
            "v1.k1. " + payload,
            "v1.k1." + payload + "\n",
            "v1.bad id." + payload,
            "v1.k1\n." + payload,
            "V1.k1." + payload,
        };
    }

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void A_value_that_is_not_a_protected_value_is_refused_as_malformed(string value)
    {
        var error = Assert.Throws<SecretProtectionException>(() => protector.Unprotect(value, Slot));

        Assert.Equal(SecretProtectionFailure.Malformed, error.Failure);
    }

    [Fact]
    public void Failure_messages_never_contain_the_value_or_its_plaintext()
    {
        var sealedValue = protector.Protect("hunter2-secret", Slot);
        var payload = sealedValue.Split('.')[2];

        var failures = new[]
        {
            Assert.Throws<SecretProtectionException>(() => protector.Unprotect("hunter2-secret", Slot)),
            Assert.Throws<SecretProtectionException>(() => protector.Unprotect("hunter2.secret.value", Slot)),
            Assert.Throws<SecretProtectionException>(() => protector.Unprotect(sealedValue, "other slot")),
            Assert.Throws<SecretProtectionException>(() => Protector("k2", ("k2", K2)).Unprotect(sealedValue, Slot)),
        };

        Assert.All(failures, error =>
        {
            Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(payload[..20], error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(K1), error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_plaintext_that_is_not_valid_unicode_is_refused_rather_than_altered()
    {
        Assert.Throws<ArgumentException>(() => protector.Protect("pass\uD800word", Slot));
    }

    [Fact]
    public void The_protector_keeps_its_own_copy_of_the_keys()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var keys = new Dictionary<string, byte[]> { ["k1"] = key };
        var own = new SecretProtector("k1", keys);
        var sealedValue = own.Protect("secret", Slot);

        Array.Clear(key);
        var opened = own.Unprotect(sealedValue, Slot);

        Assert.Equal("secret", opened);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public void A_key_that_is_not_32_bytes_is_refused_naming_its_id(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => Protector("k1", ("k1", K1), ("old", new byte[length])));

        Assert.Contains("'old'", error.Message, StringComparison.Ordinal);
        Assert.Contains(length + " bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_key_must_be_among_the_keys()
    {
        var error = Assert.Throws<ArgumentException>(() => Protector("k3", ("k1", K1)));

        Assert.Contains("'k3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protector_needs_at_least_one_key()
    {
        Assert.Throws<ArgumentException>(() => Protector("k1"));
    }

    [Theory]
    [InlineData("with.dot")]
    [InlineData("with space")]
    [InlineData("")]
    [InlineData("an-id-that-is-longer-than-32-characters")]
    public void A_key_id_that_could_not_be_written_into_a_value_is_refused(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => Protector(id, (id, K1)));

        Assert.Contains("key id", error.Message, StringComparison.Ordinal);
    }
}
