using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>
/// <c>GET /api/v1/consensus/proposals?status=&amp;pageSize=&amp;continuationToken=</c>: a page of proposals (those of
/// consensus tasks included), in the order the store returns them (by id, not by age), of those the caller may read
/// (<see cref="ProposalAccess"/>, as <c>GET .../proposals/{id}</c>): a page may hold fewer than <c>pageSize</c>.
/// </summary>
public sealed class ListProposalsHandler : IApiHandler
{
    static readonly string[] Statuses = ["voting", "decided", "undecided", "failed"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var errors = InstancePages.Validate(request, out var pageSize);
        var status = request.Query.GetValueOrDefault("status");
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add(new("status", $"must be {string.Join(", ", Statuses[..^1])} or {Statuses[^1]}."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var page = await InstancePages.ReadAsync(durable, request, CreateProposalHandler.IdPrefix, status is null ? null : RuntimeStatusesOf(status), pageSize, cancellationToken);
        if (page.Problem is { } problem)
        {
            return problem;
        }

        var scope = Visibility.ReadScope.Of(request, durable);
        var items = new List<ProposalSummary>();
        foreach (var instance in page.Instances.Where(ProposalClient.IsProposal))
        {
            var view = ProposalView.From(instance);
            if ((status is null || view.Status == status) && await ProposalAccess.CanReadAsync(scope, instance, durable, cancellationToken))
            {
                items.Add(ProposalSummary.From(view));
            }
        }

        return ApiResponse.Ok(new ProposalPage(items, page.ContinuationToken));
    }

    /// <summary>The durable statuses a proposal status can come from; decided and undecided are told apart by the output.</summary>
    static List<OrchestrationRuntimeStatus> RuntimeStatusesOf(string status) => status switch
    {
        "decided" or "undecided" => [OrchestrationRuntimeStatus.Completed],
        "failed" => [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
        _ => [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
    };
}
