namespace Swarm.Domain.Consensus;

/// <summary>
/// Counts a round's ballots under its <see cref="ConsensusRules"/>. Pure and deterministic: the same options, voters
/// and ballots give the same outcome whatever order they are listed in (options, voters and ids are sorted ordinally
/// inside), except that a voter's last ballot is the one that counts.
/// <para>Reading the input:</para>
/// <list type="bullet">
/// <item>Each eligible voter has at most one ballot: if it cast several, the last in the list counts.</item>
/// <item>Ballots from ids that are not among the voters are ignored, as if never cast.</item>
/// <item>A null choice, or one that is not among the options (compared ordinally, so case-sensitive), is an abstention.</item>
/// </list>
/// <para>Weights:</para>
/// <list type="bullet">
/// <item>Every algorithm but <see cref="ConsensusAlgorithm.Weighted"/> gives each voter weight 1.</item>
/// <item>
/// <see cref="ConsensusAlgorithm.Weighted"/>: raw weight = (0.5 + reputation) × (1.5 when its expertise matches, else 1)
/// × (0.5 + 0.5 × the confidence of its ballot, or 1 without a ballot; an abstaining ballot's confidence counts too).
/// Then each weight is clipped to <see cref="ConsensusRules.MaxWeightShare"/> × the sum of all eligible voters' raw
/// weights, in one pass: the cap is measured against the raw total, so it always leaves every voter some weight and
/// never needs iterating, but a capped voter's share of the (smaller) counted total can exceed the cap.
/// </item>
/// <item>
/// <see cref="ConsensusAlgorithm.Delegated"/>: a voter without a direct vote whose ballot names
/// <see cref="Ballot.DelegateTo"/> passes its weight along the chain to the first voter who voted directly, and that
/// vote carries its own weight plus all delegated to it. A chain that loops, or ends at a voter who abstained, chose
/// an unknown option, cast no ballot or is not a voter, counts as an abstention for every delegator on it. Each voter
/// resolves to at most one direct vote, so no weight is counted twice.
/// </item>
/// </list>
/// <para>Deciding, in this order:</para>
/// <list type="number">
/// <item>
/// Quorum: participants / (eligible voters + unfilled seats), by count under every algorithm, weighted included, below
/// <see cref="ConsensusRules.Quorum"/>, or no voters at all: undecided, "quorum missed". Every outcome names who voted
/// and who did not (<see cref="ConsensusOutcome.Participation"/>).
/// </item>
/// <item>Nothing counted (everyone abstained, under a quorum of 0): undecided, "no votes counted"; tie policies do not apply.</item>
/// <item>
/// The rule: <see cref="ConsensusAlgorithm.SimpleMajority"/>, <see cref="ConsensusAlgorithm.Weighted"/> and
/// <see cref="ConsensusAlgorithm.Delegated"/> need strictly more than half of the counted weight;
/// <see cref="ConsensusAlgorithm.SuperMajority"/> needs at least <see cref="ConsensusRules.Threshold"/> of it and a
/// unique leader; <see cref="ConsensusAlgorithm.Unanimous"/> needs every eligible voter to have voted for the same option.
/// </item>
/// <item>
/// No option met it: if two or more leading options tie (support equal within <see cref="Epsilon"/>), the tie policy
/// decides (<see cref="TiePolicy"/>), except under <see cref="ConsensusAlgorithm.Unanimous"/>; otherwise undecided,
/// "no option reached …".
/// </item>
/// </list>
/// </summary>
public static class ConsensusCounter
{
    /// <summary>Tolerance of every comparison of weights and shares, so float rounding never flips an outcome.</summary>
    public const double Epsilon = 1e-9;

    /// <summary>Counts the ballots; see the type's documentation for every rule.</summary>
    /// <param name="options">The choices: at least one, distinct, none blank.</param>
    /// <param name="voters">The eligible voters, with distinct, non-blank ids; may be empty (the quorum is then missed).</param>
    /// <param name="ballots">The ballots cast, in the order they were cast.</param>
    /// <param name="rules">The round's rules.</param>
    /// <param name="tieBreaker">The queen's choice for <see cref="TiePolicy.QueenBreaks"/>; used only if it is one of the tied options.</param>
    /// <param name="unfilledSeats">
    /// Voters the round asked for but could not find (e.g. three agents with a capability only one has). They count
    /// against the quorum as voters who did not vote; they have no weight and no say in the rules.
    /// </param>
    /// <exception cref="ArgumentException">Options empty, blank or repeated; a voter null, blank or repeated; a ballot null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rule value the algorithm uses is out of its range (see <see cref="ConsensusRules"/>), or <paramref name="unfilledSeats"/> is negative.</exception>
    public static ConsensusOutcome Count(IReadOnlyList<string> options, IReadOnlyList<Voter> voters, IReadOnlyList<Ballot> ballots, ConsensusRules rules, string? tieBreaker = null, int unfilledSeats = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(voters);
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(rules);
        Check(rules);

        var tally = Tally.Of(BallotBox.Collect(options, voters, ballots, unfilledSeats), rules);
        if (Quorum.Missed(tally, rules.Quorum) is { } missed)
        {
            return tally.Undecided(missed, quorumMet: false);
        }

        if (tally.Participants == 0)
        {
            return tally.Undecided($"no votes counted: all {tally.Box.Voters.Count} eligible voters abstained");
        }

        var verdict = rules.Algorithm switch
        {
            ConsensusAlgorithm.SuperMajority => SuperMajorityRule.Judge(tally, rules.Threshold),
            ConsensusAlgorithm.Unanimous => UnanimousRule.Judge(tally),
            _ => MajorityRule.Judge(tally),
        };
        if (verdict.Winner is { } winner)
        {
            return tally.Decide(winner, verdict.Reason);
        }

        var leaders = tally.Leaders();
        if (leaders.Count < 2)
        {
            return tally.Undecided(verdict.Reason);
        }

        // Unanimity is a veto, not a count: a tie there is reported but never broken.
        return rules.Algorithm == ConsensusAlgorithm.Unanimous
            ? tally.Undecided(verdict.Reason, tied: leaders)
            : TieBreak.Settle(tally, leaders, rules, tieBreaker);
    }

    static void Check(ConsensusRules rules)
    {
        if (!Enum.IsDefined(rules.Algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.Algorithm, "Unknown consensus algorithm.");
        }

        if (!Enum.IsDefined(rules.Ties))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.Ties, "Unknown tie policy.");
        }

        // Written as !(in range) so NaN is refused too.
        if (!(rules.Quorum is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.Quorum, "Quorum must be in [0, 1].");
        }

        if (rules.Algorithm == ConsensusAlgorithm.SuperMajority && !(rules.Threshold is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.Threshold, "Threshold must be in (0, 1].");
        }

        if (rules.Algorithm == ConsensusAlgorithm.Weighted && !(rules.MaxWeightShare is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.MaxWeightShare, "MaxWeightShare must be in (0, 1].");
        }
    }
}
