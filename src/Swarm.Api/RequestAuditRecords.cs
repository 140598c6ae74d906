using Swarm.Application.Audit;

namespace Swarm.Api;

/// <summary>The audit records <see cref="ApiDispatcher"/> writes about the requests it answers.</summary>
public static class RequestAuditRecords
{
    /// <summary>
    /// The record of a request to <paramref name="action"/> (usually the route name) that was answered with
    /// <paramref name="status"/>: principal, path, correlation id and address come from the request, the outcome from the status.
    /// </summary>
    public static AuditRecord For(string action, ApiRequest request, int status, DateTimeOffset time, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AuditRecord.Create(time, request.Principal?.Subject, action, request.Path, AuditOutcomes.ForStatus(status), status, request.CorrelationId, request.ClientAddress, detail);
    }
}
