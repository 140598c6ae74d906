namespace Swarm.Application.Audit;

/// <summary>
/// The append-only audit trail: records can be added and read, never changed or removed.
/// <para>
/// Two ways to append, because an audit write matters differently to different callers:
/// <see cref="AppendAsync"/> fails closed (for state-changing requests, whose record is part of the request: an
/// action that cannot be audited should not be reported as done), <see cref="TryAppendAsync"/> fails open (for
/// events about requests that changed nothing, such as an authentication failure: refusing the caller is already
/// the safe answer, and a storage hiccup must not turn a 401 into a 500). Both log a failed write at Error.
/// </para>
/// <para>
/// Pass <see cref="CancellationToken.None"/> when recording something that has already happened: a client that
/// hangs up after its action ran must not leave the action unrecorded.
/// </para>
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends <paramref name="record"/> (bounded first, see <see cref="AuditRecord.Bounded"/>), or throws.</summary>
    /// <exception cref="AuditUnavailableException">Storage did not take the record; it was logged at Error.</exception>
    /// <exception cref="ArgumentException">The record's outcome is not one of <see cref="AuditOutcomes"/>, or its action is blank.</exception>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="record"/> if storage takes it; otherwise logs at Error and returns false instead of throwing.</summary>
    /// <exception cref="ArgumentException">The record's outcome is not one of <see cref="AuditOutcomes"/>, or its action is blank.</exception>
    Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>One page of the records <paramref name="query"/> selects, newest first.</summary>
    /// <exception cref="InvalidAuditContinuationException">The query's continuation token was not issued for this query.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or longer than <see cref="AuditQuery.MaxRange"/>, or the page size is outside 1 to <see cref="AuditQuery.MaxPageSize"/>.</exception>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
