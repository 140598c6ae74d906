using System.Collections.Immutable;

namespace Swarm.Domain.Consensus;

/// <summary>
/// Resolves <see cref="Ballot.DelegateTo"/> chains to the direct vote that finally carries each delegator. A chain that
/// loops, or stops at anyone who did not vote directly for an option, carries nobody.
/// </summary>
internal static class Delegation
{
    /// <returns>Delegator to the direct voter carrying its vote, only for chains that reach one.</returns>
    public static ImmutableSortedDictionary<string, string> Resolve(BallotBox box)
    {
        var carried = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var voter in box.Voters)
        {
            if (Carrier(box, voter.Id) is { } carrier)
            {
                carried[voter.Id] = carrier;
            }
        }

        return carried.ToImmutable();
    }

    static string? Carrier(BallotBox box, string delegator)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var at = delegator;
        while (visited.Add(at))
        {
            // A set choice, even an unknown one, is a direct vote and so never a delegation; a missing ballot or a
            // non-voter has nothing to pass on.
            if (!box.Ballots.TryGetValue(at, out var ballot) || ballot.Choice is not null || string.IsNullOrEmpty(ballot.DelegateTo))
            {
                return null;
            }

            at = ballot.DelegateTo;
            if (box.Choices.ContainsKey(at))
            {
                return at;
            }
        }

        return null; // Came back to a voter already on the chain: a cycle.
    }
}
