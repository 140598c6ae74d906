namespace Swarm.Domain.Consensus;

/// <summary>
/// Whether enough voters took part for the count to mean anything. Counted by heads, not weight, so a few heavy
/// voters cannot stand in for an absent majority, and against every seat the round asked for, so a round that found
/// fewer voters than it asked for cannot pass with the few it found.
/// </summary>
internal static class Quorum
{
    /// <summary>Participants over everyone asked for; 0 when nobody was.</summary>
    public static double Share(Tally tally) => tally.Box.Asked == 0 ? 0 : (double)tally.Participants / tally.Box.Asked;

    /// <returns>Why the quorum was missed, or null when it was met.</returns>
    public static string? Missed(Tally tally, double quorum)
    {
        var box = tally.Box;
        var unfilled = box.UnfilledSeats > 0 ? $" ({box.UnfilledSeats} of {box.Asked} seats unfilled)" : string.Empty;
        if (box.Voters.Count == 0)
        {
            return "quorum missed: no eligible voters" + unfilled;
        }

        return Share(tally) < quorum - ConsensusCounter.Epsilon
            ? $"quorum missed: {tally.Participants} of {box.Asked} voted{unfilled}, needed {Figures.Percent(quorum)}"
            : null;
    }
}
