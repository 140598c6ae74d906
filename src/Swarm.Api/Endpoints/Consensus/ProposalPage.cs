namespace Swarm.Api.Endpoints.Consensus;

/// <summary>A page of <c>GET /api/v1/consensus/proposals</c> and the token for the next (null on the last).</summary>
public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, string? ContinuationToken);
