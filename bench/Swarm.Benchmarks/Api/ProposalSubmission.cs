namespace Swarm.Benchmarks.Api;

/// <summary>One <c>POST /api/v1/consensus/proposal</c> as the client saw it.</summary>
/// <param name="StartedAt">When the request was sent (wall clock, comparable with the host's timestamps on this machine).</param>
/// <param name="AcceptLatency">From sending the request to reading the answer's status.</param>
/// <param name="Id">The proposal id, when it was accepted.</param>
/// <param name="Problem">Why it was not accepted, when it was not.</param>
sealed record ProposalSubmission(DateTimeOffset StartedAt, TimeSpan AcceptLatency, int Status, string? Id, string? Problem)
{
    public bool Accepted => Status == 202 && Id is not null;
}
