using Swarm.Domain.Consensus;

namespace Swarm.Domain.Learning;

/// <summary>
/// What a decided proposal teaches the board (docs/design/learning.md §1.2, <c>consensus</c>): for each voter whose vote
/// counted in the deciding round, 1 if its vote went to the winner and 0 if not, at weight one half, for the proposal's
/// capability (or <c>general</c>). A delegator's vote is the one its delegate cast. An undecided round teaches nothing.
/// </summary>
public static class VoteSignals
{
    /// <summary>The weight of a consensus signal against one step's outcome.</summary>
    public const double Weight = 0.5;

    /// <summary>The signals of one counted round; empty when it decided nothing.</summary>
    public static IReadOnlyList<SkillSignal> From(string proposalId, string? capability, ConsensusOutcome outcome, IReadOnlyList<Ballot> cast, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(proposalId);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(cast);
        if (!outcome.Decided || outcome.Winner is not { } winner)
        {
            return [];
        }

        var choices = cast.Where(b => b.Choice is not null).GroupBy(b => b.VoterId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Choice!, StringComparer.Ordinal);
        IReadOnlyList<string> keys = capability is null ? [] : [capability];
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
