namespace Swarm.Benchmarks.Api;

/// <summary>
/// What <c>GET /api/v1/consensus/proposals/{id}</c> said, reduced to what the benchmark times and checks.
/// <paramref name="CreatedAt"/> and <paramref name="LastUpdatedAt"/> are the durable instance's (scheduled; last
/// update, which is its completion once finished); the first round's start and end are the orchestration's own clock
/// when the round began (after the participants were read) and when it counted the last ballot.
/// </summary>
/// <param name="Status"><c>voting</c>, <c>decided</c>, <c>undecided</c> or <c>failed</c>.</param>
/// <param name="Ballots">Ballots recorded in the first round, including those that failed.</param>
/// <param name="ValidBallots">Of those, the ones with a choice and no problem.</param>
sealed record ProposalSnapshot(
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Winner,
    string? Reason,
    DateTimeOffset? RoundStartedAt,
    DateTimeOffset? RoundEndedAt,
    int Ballots,
    int ValidBallots)
{
    public bool IsFinished => Status is "decided" or "undecided" or "failed";

    public bool IsDecided => Status == "decided";

    /// <summary>The first round alone: from asking for the ballots to counting them.</summary>
    public TimeSpan? Round => RoundEndedAt - RoundStartedAt;
}
