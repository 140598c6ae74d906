namespace Swarm.Application.Security.Encryption;

/// <summary>
/// A protected value could not be opened; <see cref="Failure"/> says why. The message never contains the value,
/// its plaintext or key material, so it is safe to log.
/// </summary>
public sealed class SecretProtectionException : Exception
{
    public SecretProtectionException()
    {
    }

    public SecretProtectionException(string message)
        : base(message)
    {
    }

    public SecretProtectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SecretProtectionException(SecretProtectionFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public SecretProtectionFailure Failure { get; }
}
