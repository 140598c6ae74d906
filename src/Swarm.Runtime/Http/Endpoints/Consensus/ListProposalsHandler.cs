using Microsoft.DurableTask.Client;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Consensus;

namespace Swarm.Runtime.Http.Endpoints.Consensus;

/// <summary>
/// <c>GET /api/v1/consensus/proposals?status=&amp;pageSize=&amp;continuationToken=</c>: a page of proposals (those of
/// consensus tasks included), in the order the store returns them (by id, not by age). Whoever may read a proposal may
/// list them: an agent reads every proposal with <c>consensus:read</c>, as <c>GET .../proposals/{id}</c> allows.
/// </summary>
public sealed class ListProposalsHandler : IApiHandler
{
    static readonly string[] Known = ["status", "pageSize", "continuationToken"];
    static readonly string[] Statuses = ["voting", "decided", "undecided", "failed"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var errors = new List<FieldError>();
        foreach (var unknown in request.Query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add(new(unknown, $"is not a parameter of this listing; parameters: {string.Join(", ", Known)}."));
        }

        var status = request.Query.GetValueOrDefault("status");
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add(new("status", $"must be {string.Join(", ", Statuses[..^1])} or {Statuses[^1]}."));
        }

        var pageSize = 50;
        if (request.Query.GetValueOrDefault("pageSize") is { } sizeText && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > 200))
        {
            errors.Add(new("pageSize", "must be a whole number from 1 to 200."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = CreateProposalHandler.IdPrefix,
            Statuses = status is null ? null : RuntimeStatusesOf(status),
            PageSize = pageSize,
            ContinuationToken = request.Query.GetValueOrDefault("continuationToken"),
            FetchInputsAndOutputs = true,
        };
        try
        {
            await foreach (var page in durable.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, pageSize).WithCancellation(cancellationToken))
            {
                var items = page.Values
                    .Where(ProposalClient.IsProposal)
                    .Select(ProposalView.From)
                    .Where(v => status is null || v.Status == status)
                    .Select(ProposalSummary.From)
                    .ToList();
                return ApiResponse.Ok(new { items, continuationToken = page.ContinuationToken });
            }
        }
        catch (Exception e) when (query.ContinuationToken is not null && e is not OperationCanceledException)
        {
            // A token this listing did not hand out (or one from an older version) names no page.
            return ApiResponse.Problem(Problems.Validation([new("continuationToken", "is not a token this listing handed out.")]));
        }

        return ApiResponse.Ok(new { items = Array.Empty<ProposalSummary>(), continuationToken = (string?)null });
    }

    /// <summary>The durable statuses a proposal status can come from; decided and undecided are told apart by the output.</summary>
    static List<OrchestrationRuntimeStatus> RuntimeStatusesOf(string status) => status switch
    {
        "decided" or "undecided" => [OrchestrationRuntimeStatus.Completed],
        "failed" => [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
        _ => [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
    };
}
