namespace Swarm.Domain.Consensus;

/// <summary>
/// A voter as the round knows it. Only <see cref="ConsensusAlgorithm.Weighted"/> reads the reputation and expertise;
/// every other algorithm gives each voter one vote. Ids are compared ordinally (case-sensitive).
/// </summary>
/// <param name="Id">The agent's id; unique among a round's voters.</param>
/// <param name="Reputation">Success rate for the proposal's capability, 0..1 (values outside are clamped; 0.5 when unknown or NaN).</param>
/// <param name="ExpertiseMatch">Whether the voter's expertise covers the proposal's capability (its weight counts 1.5 times).</param>
public sealed record Voter(string Id, double Reputation = 0.5, bool ExpertiseMatch = false);
