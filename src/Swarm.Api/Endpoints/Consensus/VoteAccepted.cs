namespace Swarm.Api.Endpoints.Consensus;

/// <summary>An agent's ballot accepted for a round of a proposal.</summary>
public sealed record VoteAccepted(string Id, int Round, string Location);
