using Swarm.Domain.Agents;

namespace Swarm.Workflows.Consensus;

/// <summary>Input of <see cref="CastBallotActivity"/>: the voter, the question and options, and the anonymised rationales of the last round (debate).</summary>
public sealed record BallotRequest(string ProposalId, int Round, AgentProfile Voter, string Question, IReadOnlyList<string> Options, IReadOnlyList<string> EarlierRationales, string? Capability);

/// <summary>Output of <see cref="CastBallotActivity"/>: the ballot the model cast, and the call's accounting.</summary>
public sealed record BallotReply(string? Choice, double Confidence, string? Rationale, Domain.Tasks.AgentAnswer Answer);
