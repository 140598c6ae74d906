namespace Swarm.Domain.Consensus;

/// <summary>
/// Strictly more than half of the counted weight wins. Used by <see cref="ConsensusAlgorithm.SimpleMajority"/>,
/// <see cref="ConsensusAlgorithm.Weighted"/> and <see cref="ConsensusAlgorithm.Delegated"/>, which differ only in
/// what a vote weighs.
/// </summary>
internal static class MajorityRule
{
    public static RuleVerdict Judge(Tally tally)
    {
        var leader = tally.Leaders()[0];
        var part = Figures.Part(tally.Support[leader], tally.CountedWeight);
        return tally.Support[leader] - (tally.CountedWeight / 2) > ConsensusCounter.Epsilon
            ? new(leader, $"threshold met: {part} for {leader}, needed > 50%")
            : new(null, $"no option reached > 50%: best was {leader} with {part}");
    }
}
