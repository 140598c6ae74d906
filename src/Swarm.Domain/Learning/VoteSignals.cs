using Swarm.Domain.Consensus;
using Swarm.Domain.Distribution;

namespace Swarm.Domain.Learning;

/// <summary>
/// What a decided proposal teaches the board (docs/design/learning.md §1.2, <c>consensus</c>): for each voter whose vote
/// counted in the deciding round, 1 if its vote went to the winner and 0 if not, at weight one half, for the proposal's
/// skill keys: its capability (or <c>general</c> when it names none) and, for a consensus task recognised as a known
/// kind, that pattern's key. A delegator's vote is the one its delegate cast. An undecided round teaches nothing.
/// </summary>
public static class VoteSignals
{
    /// <summary>The weight of a consensus signal against one step's outcome.</summary>
    public const double Weight = 0.5;

    /// <summary>The signals of one counted round; empty when it decided nothing.</summary>
    /// <param name="capability">The capability the question concerns; null teaches <c>general</c>.</param>
    /// <param name="pattern">The pattern key of the consensus task whose answers are voted on; null for any other proposal.</param>
    public static IReadOnlyList<SkillSignal> From(string proposalId, string? capability, string? pattern, ConsensusOutcome outcome, IReadOnlyList<Ballot> cast, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(proposalId);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(cast);
        if (!outcome.Decided || outcome.Winner is not { } winner)
        {
            return [];
        }

        // As a step's release teaches them (SeatRelease.SkillKeys).
        var keys = BoardAgent.SkillKeysOf(capability is null ? [] : [capability], pattern);
        var choices = cast.Where(b => b.Choice is not null).GroupBy(b => b.VoterId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Choice!, StringComparer.Ordinal);
        return
        [
            .. outcome.Participation.Voted
                .Select(voter => (Voter: voter, Choice: choices.GetValueOrDefault(outcome.Delegations.GetValueOrDefault(voter) ?? voter)))
                .Where(v => v.Choice is not null)
                .Select(v => new SkillSignal(
                    $"vote:{proposalId}:{v.Voter}", SkillKind.Consensus, v.Voter, keys, string.Equals(v.Choice, winner, StringComparison.Ordinal) ? 1 : 0, Weight, at)),
        ];
    }
}
