namespace Swarm.Application.Audit;

/// <summary>
/// An audit record could not be written by <see cref="IAuditTrail.AppendAsync"/> (storage failed or did not answer).
/// The failure has already been logged at Error with the record's action and correlation id; a request that gets
/// this should answer 503, because its audit record is part of it.
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException()
        : this("The audit trail is unavailable.")
    {
    }

    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
