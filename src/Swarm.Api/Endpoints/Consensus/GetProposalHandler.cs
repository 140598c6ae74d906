using Microsoft.DurableTask.Client;
using Swarm.Workflows.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary><c>GET /api/v1/consensus/proposals/{id}</c>: the proposal, its rounds, every ballot with its rationale, and the decision and why.</summary>
public sealed class GetProposalHandler : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
        await FindAsync(request, durable, cancellationToken) is { } instance
            ? ApiResponse.Ok(ProposalView.From(instance))
            : NotFound(request);

    /// <summary>
    /// The proposal's orchestration, if the caller may read it (<see cref="ProposalAccess"/>; to anyone else it does not
    /// exist); only proposal ids are looked up, so the route reaches nothing else.
    /// </summary>
    public static async Task<OrchestrationMetadata?> FindAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var id = request.RouteValues.GetValueOrDefault("id");
        var instance = CreateProposalHandler.IsProposalId(id) ? await durable.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken) : null;
        return instance is not null && ProposalClient.IsProposal(instance) && await ProposalAccess.CanReadAsync(Visibility.ReadScope.Of(request, durable), instance, durable, cancellationToken)
            ? instance
            : null;
    }

    public static ApiResponse NotFound(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApiResponse.Problem(Problems.NotFound($"There is no proposal with id '{request.RouteValues.GetValueOrDefault("id")}'."));
    }
}
