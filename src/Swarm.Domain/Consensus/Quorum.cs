namespace Swarm.Domain.Consensus;

/// <summary>
/// Whether enough voters took part for the count to mean anything. Counted by heads, not weight, so a few heavy
/// voters cannot stand in for an absent majority.
/// </summary>
internal static class Quorum
{
    /// <returns>Why the quorum was missed, or null when it was met.</returns>
    public static string? Missed(Tally tally, double quorum)
    {
        var eligible = tally.Box.Voters.Count;
        if (eligible == 0)
        {
            return "quorum missed: no eligible voters";
        }

        var participation = (double)tally.Participants / eligible;
        return participation < quorum - ConsensusCounter.Epsilon
            ? $"quorum missed: {tally.Participants} of {eligible} voted, needed {Figures.Percent(quorum)}"
            : null;
    }
}
