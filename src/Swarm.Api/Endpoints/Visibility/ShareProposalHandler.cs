using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Consensus;
using Swarm.Application.Configuration;
using Swarm.Application.Security;

namespace Swarm.Api.Endpoints.Visibility;

/// <summary>
/// <c>POST /api/v1/consensus/proposals/{id}/share</c> <c>{"with": [...]}</c>: lets more people read a proposal, its
/// ballots and outcome. Only its proposer may share it, or a caller with <c>consensus:read:any</c>; a proposal the caller
/// cannot read is a 404. (A task's own proposals follow the task: share the task.) Audited with the readers' names.
/// </summary>
public sealed class ShareProposalHandler(SwarmSettings settings, RoleGrants roles) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var body = await ApiJson.ReadBodyAsync<ShareBody>(request, settings.Api.MaxRequestBytes, cancellationToken);
        if (ShareTargets.Validate("with", body.With, roles, required: true) is { Count: > 0 } errors)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        if (await GetProposalHandler.FindAsync(request, durable, cancellationToken) is not { } instance)
        {
            return GetProposalHandler.NotFound(request);
        }

        var scope = ReadScope.Of(request, durable);
        var proposal = ProposalView.From(instance);
        if (!scope.Owns(proposal.ProposedBy) && !scope.ReadsAnyProposal)
        {
            return ApiResponse.Problem(Problems.NotPermitted($"Only the proposal's proposer may share it, or a caller with the '{Permissions.ConsensusReadAny}' permission."));
        }

        var readers = body.With!;
        if (await ResourceSharing.RefusalAsync(durable, proposal.Id, readers, cancellationToken) is { } full)
        {
            return ApiResponse.Problem(full);
        }

        await ResourceSharing.ShareAsync(durable, proposal.Id, readers);
        var location = SwarmRoutes.GetProposal.PathFor(("id", proposal.Id));
        return ApiResponse.Ok(new ResourceShared(proposal.Id, [.. readers.Distinct(StringComparer.Ordinal)], location)) with { AuditDetail = ResourceSharing.Detail(readers) };
    }
}
