namespace Swarm.Workflows.Consensus;

/// <summary>A running round's custom status: which round, who votes, who has voted, and the rounds already counted (without rationales, to stay small).</summary>
/// <param name="PostingVoters">The voters that post their own ballots (external agents) rather than being asked through a model.</param>
public sealed record ProposalProgress(int Round, IReadOnlyList<string> Voters, IReadOnlyList<string> PostingVoters, IReadOnlyList<string> Voted, IReadOnlyList<string> Decisions, DateTimeOffset RoundEndsAt);
