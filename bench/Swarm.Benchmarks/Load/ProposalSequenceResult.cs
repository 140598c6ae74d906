using Swarm.Benchmarks.Api;

namespace Swarm.Benchmarks.Load;

/// <summary>What a <see cref="ProposalSequence"/> measured: every proposal posted, followed to its end where it got there.</summary>
sealed record ProposalSequenceResult(IReadOnlyList<ProposalOutcome> Outcomes, int Polls, int PollFailures, TimeSpan PollPause, bool TimedOut)
{
    public IEnumerable<ProposalOutcome> Finished => Outcomes.Where(o => o.Finished);

    public IEnumerable<ProposalOutcome> Rejected => Outcomes.Where(o => !o.Submission.Accepted);

    public int Decided => Outcomes.Count(o => o.Last is { IsDecided: true });

    public int DecidedRight => Outcomes.Count(o => o.DecidedRight);
}
