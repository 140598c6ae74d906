using Swarm.Application.Audit;

namespace Swarm.Api.Endpoints.Audit;

/// <summary>The trail when <c>security:auditEnabled</c> is false (allowed in development only): records nothing, and says so when read.</summary>
public sealed class DisabledAuditTrail : IAuditTrail
{
    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken) =>
        throw new ApiProblemException(Problems.NotFound("The audit trail is disabled (security:auditEnabled is false)."));
}
