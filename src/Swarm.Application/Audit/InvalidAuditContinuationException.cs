namespace Swarm.Application.Audit;

/// <summary>
/// A continuation token that this trail did not issue for the query it came with (garbled, tampered with, or from a
/// query over other days). The HTTP layer answers 400; the message is safe to show and never repeats the token.
/// </summary>
public sealed class InvalidAuditContinuationException : Exception
{
    public InvalidAuditContinuationException()
        : this("The continuation token was not issued for this query.")
    {
    }

    public InvalidAuditContinuationException(string message)
        : base(message)
    {
    }

    public InvalidAuditContinuationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
