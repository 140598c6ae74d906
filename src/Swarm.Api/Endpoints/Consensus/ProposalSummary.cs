using Swarm.Domain.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>One proposal in the listing: enough to pick it out, without rounds or ballots (read those from the proposal).</summary>
/// <param name="Status"><c>voting</c>, <c>decided</c>, <c>undecided</c> or <c>failed</c>.</param>
/// <param name="Decision">The option chosen, once decided.</param>
/// <param name="Reason">Why it was decided, why not, or why it failed; absent while voting.</param>
public sealed record ProposalSummary(
    string Id,
    string Status,
    string? Question,
    ConsensusAlgorithm? Algorithm,
    string? ProposedBy,
    int? Round,
    string? Decision,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    public static ProposalSummary From(ProposalView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Status, view.Question, view.Rules?.Algorithm, view.ProposedBy, view.Round, view.Winner, view.Reason, view.CreatedAt, view.LastUpdatedAt);
    }
}
