using Microsoft.DurableTask.Client;
using Swarm.Application.Configuration;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>
/// <c>POST /api/v1/consensus/proposals/{id}/votes</c>: an external agent, authenticated as itself, casts its ballot for the
/// current round; it arrives as a durable event, so a restart of the host loses it no more than a ballot its model cast.
/// <c>409</c> when the caller is not a voter that posts its own ballots, has already voted this round, or the proposal
/// is no longer voting. Should two ballots of one voter race in, the round counts the first and ignores the second.
/// </summary>
public sealed class PostVoteHandler(SwarmSettings settings) : IApiHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (request.Principal is not { AgentId: { } agentId })
        {
            return ApiResponse.Problem(Problems.Conflict("Only an agent votes, with its API key or a session from it."));
        }

        var vote = await ApiJson.ReadBodyAsync<VoteRequest>(request, settings.Api.MaxRequestBytes, cancellationToken);
        if (await GetProposalHandler.FindAsync(request, durable, cancellationToken) is not { } instance)
        {
            return GetProposalHandler.NotFound(request);
        }

        var view = ProposalView.From(instance);
        var errors = new List<FieldError>();
        if (vote.Choice is not null && view.Options?.Contains(vote.Choice, StringComparer.Ordinal) != true)
        {
            errors.Add(new("choice", $"must be one of the options: {string.Join(", ", view.Options ?? [])}."));
        }

        if (vote.Confidence is < 0 or > 1)
        {
            errors.Add(new("confidence", "must be between 0 and 1."));
        }

        if (vote.Rationale is { Length: > 2_000 })
        {
            errors.Add(new("rationale", "is at most 2000 characters."));
        }

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var progress = instance.IsRunning ? instance.ReadCustomStatusAs<ProposalProgress>() : null;
        if (progress is null || !progress.PostingVoters.Contains(agentId, StringComparer.Ordinal) || progress.Voted.Contains(agentId, StringComparer.Ordinal))
        {
            return ApiResponse.Problem(Problems.Conflict($"Agent '{agentId}' has no open ballot on proposal '{view.Id}'."));
        }

        var round = progress.Round;
        var ballot = new ExternalBallot(agentId, round, vote.Choice, vote.Confidence ?? 1.0, vote.Rationale, vote.DelegateTo);
        await new ProposalClient(durable).VoteAsync(view.Id, agentId, round, ballot, CancellationToken.None);
        var location = SwarmRoutes.GetProposal.PathFor(("id", view.Id));
        return ApiResponse.Accepted(new VoteAccepted(view.Id, round, location), location) with { AuditDetail = $"ballot from {agentId} for round {round}" };
    }
}
