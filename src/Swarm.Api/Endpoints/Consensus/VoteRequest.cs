namespace Swarm.Api.Endpoints.Consensus;

/// <summary>The body of <c>POST /api/v1/consensus/proposals/{id}/votes</c>: a choice (null to abstain), or a delegate, with confidence and rationale.</summary>
public sealed record VoteRequest(string? Choice, double? Confidence = null, string? Rationale = null, string? DelegateTo = null);
