namespace Swarm.Domain.Consensus;

/// <summary>What a decision rule made of a tally: the winner, if an option met the rule, and why.</summary>
internal sealed record RuleVerdict(string? Winner, string Reason);
