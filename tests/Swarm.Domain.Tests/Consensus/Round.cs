using Swarm.Domain.Consensus;

namespace Swarm.Domain.Tests.Consensus;

/// <summary>
/// Test data for one voting round, built the way a reader says it: "A and B; v1 and v2 vote A; v3 abstains".
/// Naming a voter in any ballot helper makes it eligible (with default reputation) unless it was added already.
/// </summary>
public sealed record Round(IReadOnlyList<string> Options, IReadOnlyList<Voter> Voters, IReadOnlyList<Ballot> Ballots, int UnfilledSeats = 0)
{
    public static Round Of(params string[] options) => new(options, [], []);

    public Round With(params Voter[] voters) => this with { Voters = [.. Voters, .. voters] };

    public Round Voting(string option, params string[] voterIds) =>
        voterIds.Aggregate(this, (round, id) => round.Cast(new Ballot(id, option)));

    public Round Abstaining(params string[] voterIds) =>
        voterIds.Aggregate(this, (round, id) => round.Cast(new Ballot(id, null)));

    /// <summary>Eligible voters who cast no ballot at all.</summary>
    public Round Silent(params string[] voterIds) =>
        voterIds.Aggregate(this, (round, id) => round.Eligible(id));

    /// <summary>Seats the round asked for that no voter filled.</summary>
    public Round Unfilled(int seats) => this with { UnfilledSeats = seats };

    public Round Delegating(string from, string to) => Cast(new Ballot(from, null, DelegateTo: to));

    public Round Cast(Ballot ballot) => Eligible(ballot.VoterId) with { Ballots = [.. Ballots, ballot] };

    /// <summary>A ballot from someone who is not a voter of this round.</summary>
    public Round Stray(Ballot ballot) => this with { Ballots = [.. Ballots, ballot] };

    public ConsensusOutcome Count(ConsensusRules rules, string? queen = null) =>
        ConsensusCounter.Count(Options, Voters, Ballots, rules, queen, UnfilledSeats);

    Round Eligible(string id) => Voters.Any(v => v.Id == id) ? this : With(new Voter(id));
}
