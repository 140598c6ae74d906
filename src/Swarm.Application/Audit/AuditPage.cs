using System.Text.Json.Serialization;

namespace Swarm.Application.Audit;

/// <summary>
/// One page of audit records, newest first. <see cref="ContinuationToken"/> is null exactly when no record of the
/// query remains; otherwise pass it back with the same query for the next page. The token is opaque: do not parse it.
/// </summary>
public sealed record AuditPage(
    IReadOnlyList<AuditRecord> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);
