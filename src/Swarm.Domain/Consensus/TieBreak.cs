namespace Swarm.Domain.Consensus;

/// <summary>
/// Applies the round's <see cref="TiePolicy"/> once no option met the rule and the leading options tied. The tied
/// options are reported whether or not the policy decided.
/// </summary>
internal static class TieBreak
{
    public static ConsensusOutcome Settle(Tally tally, IReadOnlyList<string> tied, ConsensusRules rules, string? tieBreaker)
    {
        var tie = $"tie between {Figures.Names(tied)} at {Figures.Amount(tally.Support[tied[0]])} of {Figures.Amount(tally.CountedWeight)} each";
        return rules.Ties switch
        {
            TiePolicy.QueenBreaks when tieBreaker is not null && tied.Contains(tieBreaker, StringComparer.Ordinal) =>
                tally.Decide(tieBreaker, $"{tie}, broken by the queen ({tieBreaker})", tied),
            TiePolicy.QueenBreaks => tally.Undecided(
                tieBreaker is null ? $"{tie}: no queen's choice given" : $"{tie}: the queen chose {tieBreaker}, not one of them",
                tied: tied),

            // Keeping the status quo means "no change", so it holds even when it is not among the tied options.
            TiePolicy.StatusQuo when rules.StatusQuo is { } kept && tally.Support.ContainsKey(kept) =>
                tally.Decide(kept, $"{tie}: status quo {kept} kept", tied),
            TiePolicy.StatusQuo => tally.Undecided(
                rules.StatusQuo is null ? $"{tie}: no status quo set" : $"{tie}: status quo {rules.StatusQuo} is not an option",
                tied: tied),

            _ => tally.Undecided($"{tie}: no decision", tied: tied),
        };
    }
}
