namespace Swarm.Domain.Consensus;

/// <summary>
/// The leading option wins with at least the threshold's share of the counted votes. It must lead alone: a threshold
/// of a half or less could otherwise be met by two options at once, which is a tie.
/// </summary>
internal static class SuperMajorityRule
{
    public static RuleVerdict Judge(Tally tally, double threshold)
    {
        var leaders = tally.Leaders();
        var leader = leaders[0];
        var part = Figures.Part(tally.Support[leader], tally.CountedWeight);
        var needed = Figures.Percent(threshold);
        return leaders.Count == 1 && tally.Support[leader] >= (threshold * tally.CountedWeight) - ConsensusCounter.Epsilon
            ? new(leader, $"threshold met: {part} for {leader}, needed >= {needed}")
            : new(null, $"no option reached >= {needed}: best was {leader} with {part}");
    }
}
