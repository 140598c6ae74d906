namespace Swarm.Api.Endpoints.Consensus;

/// <summary>A proposal opened: the agents are voting; <paramref name="Location"/> reads it.</summary>
public sealed record ProposalAccepted(string Id, string Status, string Location);
