namespace Swarm.Domain.Distribution;

/// <summary>A sharded step taking the seat a shard proposed (<see cref="DispatchBoard.Claim"/>).</summary>
/// <param name="Request">The step's seat request, as proposed on.</param>
/// <param name="Proposal">The shard's proposal: the agent to seat, and the score and skill choice it was ranked by.</param>
public sealed record SeatClaim(SeatRequest Request, SeatProposal Proposal);
