namespace Swarm.Domain.Consensus;

/// <summary>
/// Every eligible voter votes, and all for the same option. Silence is not consent: a missing ballot or an abstention
/// fails it like a dissent. The reason names who dissented (against the leading option) and who abstained.
/// </summary>
internal static class UnanimousRule
{
    public static RuleVerdict Judge(Tally tally)
    {
        var leader = tally.Leaders()[0];
        var dissents = new List<string>();
        var abstainers = new List<string>();
        foreach (var voter in tally.Box.Voters)
        {
            if (!tally.Box.Choices.TryGetValue(voter.Id, out var choice))
            {
                abstainers.Add(voter.Id);
            }
            else if (choice != leader)
            {
                dissents.Add($"{voter.Id} dissented (chose {choice})");
            }
        }

        if (dissents.Count == 0 && abstainers.Count == 0)
        {
            return new(leader, $"unanimous: all {tally.Box.Voters.Count} voted for {leader}");
        }

        if (abstainers.Count > 0)
        {
            dissents.Add($"{string.Join(", ", abstainers)} abstained");
        }

        return new(null, $"unanimity failed: {string.Join("; ", dissents)}");
    }
}
