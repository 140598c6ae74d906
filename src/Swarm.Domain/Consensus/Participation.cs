namespace Swarm.Domain.Consensus;

/// <summary>
/// Who took part in a round, against its quorum: what a reader needs to trust a decision (or to see why there was
/// none) without adding up the ballots. Counted by heads, as the quorum is, whatever the weights.
/// </summary>
/// <param name="Voted">Voters whose vote counted, directly or through a delegate, in ordinal order.</param>
/// <param name="NotVoted">Eligible voters whose vote did not count (abstained, silent, no ballot, or a delegation that reached no vote), in ordinal order.</param>
/// <param name="UnfilledSeats">Seats the round asked for that no voter filled (fewer agents than asked for); they count as not voting.</param>
/// <param name="Share">Voted / (eligible voters + unfilled seats); 0 when there is nobody.</param>
/// <param name="Quorum">The share the round needed.</param>
/// <param name="Met">Whether <paramref name="Share"/> reached <paramref name="Quorum"/> (and there was an eligible voter).</param>
public sealed record Participation(IReadOnlyList<string> Voted, IReadOnlyList<string> NotVoted, int UnfilledSeats, double Share, double Quorum, bool Met)
{
    /// <summary>In words, e.g. <c>1 of 3 voted (33.3%; 2 seats unfilled), quorum 50%: missed</c>.</summary>
    public string Summary =>
        $"{Voted.Count} of {Voted.Count + NotVoted.Count + UnfilledSeats} voted ({Figures.Percent(Share)}{(UnfilledSeats switch { 0 => string.Empty, 1 => "; 1 seat unfilled", _ => $"; {UnfilledSeats} seats unfilled" })}), quorum {Figures.Percent(Quorum)}: {(Met ? "met" : "missed")}";
}
