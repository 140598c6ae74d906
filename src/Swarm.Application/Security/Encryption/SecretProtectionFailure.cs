namespace Swarm.Application.Security.Encryption;

/// <summary>Why <see cref="SecretProtector.Unprotect"/> could not open a value.</summary>
public enum SecretProtectionFailure
{
    /// <summary>Not set: the exception was built without a reason.</summary>
    Unspecified = 0,

    /// <summary>The value is not of the form <c>v1.{keyId}.{base64url}</c>; often a value stored before encryption was turned on.</summary>
    Malformed,

    /// <summary>The value names a format version this build cannot read.</summary>
    UnknownVersion,

    /// <summary>The value was sealed with a key the protector does not hold (a retired key removed too early, or another deployment's value).</summary>
    UnknownKeyId,

    /// <summary>The value was altered, belongs to different associated data, or was sealed with a different key under the same id.</summary>
    AuthenticationFailed,
}
