namespace Swarm.Application.Audit;

/// <summary>
/// Which audit records to read: those with <see cref="From"/> &lt;= time &lt; <see cref="To"/>, optionally only one
/// principal's and one action's (exact, case-sensitive matches), newest first, <see cref="PageSize"/> at a time.
/// To read the next page, repeat the same query with the <see cref="AuditPage.ContinuationToken"/> of the last one.
/// </summary>
/// <param name="From">Inclusive lower bound.</param>
/// <param name="To">Exclusive upper bound; must be after <paramref name="From"/> and at most <see cref="MaxRange"/> later.</param>
/// <param name="PageSize">1 to <see cref="MaxPageSize"/>.</param>
/// <param name="ContinuationToken">Null for the first page; otherwise a token the same query returned.</param>
public sealed record AuditQuery(DateTimeOffset From, DateTimeOffset To, string? Principal, string? Action, int PageSize, string? ContinuationToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The longest time range one query may span; it bounds how many day partitions a page may scan.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);
}
