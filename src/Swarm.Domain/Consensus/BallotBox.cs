namespace Swarm.Domain.Consensus;

/// <summary>
/// The input as the count reads it: options and voters in ordinal order, each eligible voter's last ballot, and the
/// option each direct voter chose, and the seats asked for that no voter filled. Everything downstream walks these sorted lists, which is why the outcome does not
/// depend on the order the caller listed things in.
/// </summary>
internal sealed record BallotBox(
    IReadOnlyList<string> Options,
    IReadOnlyList<Voter> Voters,
    IReadOnlyDictionary<string, Ballot> Ballots,
    IReadOnlyDictionary<string, string> Choices,
    int UnfilledSeats)
{
    /// <summary>Everyone the round asked for: the eligible voters and the seats nobody filled.</summary>
    public int Asked => Voters.Count + UnfilledSeats;

    public static BallotBox Collect(IReadOnlyList<string> options, IReadOnlyList<Voter> voters, IReadOnlyList<Ballot> ballots, int unfilledSeats = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unfilledSeats);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (string.IsNullOrWhiteSpace(option) || !known.Add(option))
            {
                throw new ArgumentException($"Options must be distinct and not blank; '{option}' is not.", nameof(options));
            }
        }

        if (known.Count == 0)
        {
            throw new ArgumentException("A round needs at least one option.", nameof(options));
        }

        var eligible = new Dictionary<string, Voter>(StringComparer.Ordinal);
        foreach (var voter in voters)
        {
            if (voter is null || string.IsNullOrWhiteSpace(voter.Id) || !eligible.TryAdd(voter.Id, voter))
            {
                throw new ArgumentException($"Voters must be non-null with distinct, non-blank ids; '{voter?.Id}' is not.", nameof(voters));
            }
        }

        var last = new Dictionary<string, Ballot>(StringComparer.Ordinal);
        foreach (var ballot in ballots)
        {
            if (ballot is null)
            {
                throw new ArgumentException("A ballot is null.", nameof(ballots));
            }

            // A later ballot replaces an earlier one: a voter may change its mind until the round is counted.
            if (ballot.VoterId is not null && eligible.ContainsKey(ballot.VoterId))
            {
                last[ballot.VoterId] = ballot;
            }
        }

        var choices = last
            .Where(b => b.Value.Choice is { } choice && known.Contains(choice))
            .ToDictionary(b => b.Key, b => b.Value.Choice!, StringComparer.Ordinal);

        return new(
            [.. known.Order(StringComparer.Ordinal)],
            [.. eligible.Values.OrderBy(v => v.Id, StringComparer.Ordinal)],
            last,
            choices,
            unfilledSeats);
    }
}
